import { pkceChallenge, randomBase62 } from "@plugboard/core";
import { escapeHtml } from "../../http/html-page";
import type { GitHubProviderOptions } from "./options";

export interface FakeOAuthProviderOptions {
  /** Where the host mounts `handler`. Default `/fake-oauth`. */
  mountPath?: string;
  /**
   * The origin the fake is reachable at, from the browser (consent page) and from the server
   * (token exchange on loopback). A function, since it is often known only once the server listens.
   */
  origin: () => string;
}

export interface FakeOAuthProvider {
  /** Serves the consent page, the token endpoint and a small GitHub-shaped REST API. */
  handler: (request: Request) => Promise<Response>;
  /** `providers.github` for createPlugboard, pointed at this fake. */
  github: GitHubProviderOptions;
}

const clientId = "plugboard-demo";
const clientSecret = "plugboard-demo-secret";
const repositories = [
  { id: 9001, full_name: "acme/web", private: false, default_branch: "main" },
  { id: 9002, full_name: "acme/api", private: true, default_branch: "main" },
  { id: 9003, full_name: "acme/mobile", private: true, default_branch: "develop" },
];

/**
 * A stand-in for GitHub so the demo's install popup works offline: a consent page with Authorize
 * and Cancel, an authorization-code + PKCE (S256) token endpoint, and the REST endpoints Plugboard
 * calls. For demos and tests only — it approves anyone who clicks.
 */
export function createFakeOAuthProvider(options: FakeOAuthProviderOptions): FakeOAuthProvider {
  const mountPath = `/${(options.mountPath ?? "/fake-oauth").replace(/^\/+|\/+$/g, "")}`;
  const base = () => `${options.origin()}${mountPath}`;
  const codes = new Map<string, { redirectUri: string; challenge: string | null }>();
  const tokens = new Set<string>();

  async function handler(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.slice(mountPath.length);
    const query = url.searchParams;
    if (request.method === "GET" && path === "/login/oauth/authorize") return consent(query);
    if (request.method === "GET" && path === "/login/oauth/decide") {
      const redirect = new URL(query.get("redirect_uri") ?? "");
      redirect.searchParams.set("state", query.get("state") ?? "");
      if (query.get("decision") === "approve") {
        const code = randomBase62(20);
        codes.set(code, {
          redirectUri: query.get("redirect_uri") ?? "",
          challenge: query.get("code_challenge"),
        });
        redirect.searchParams.set("code", code);
      } else {
        redirect.searchParams.set("error", "access_denied");
        redirect.searchParams.set(
          "error_description",
          "The user has denied your application access.",
        );
      }
      return new Response(null, { status: 302, headers: { location: redirect.toString() } });
    }
    if (request.method === "POST" && path === "/login/oauth/access_token") {
      return exchange(request);
    }
    const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
    if (request.method === "DELETE" && path === `/api/applications/${clientId}/grant`) {
      const body = (await request.json()) as { access_token?: string };
      tokens.delete(body.access_token ?? "");
      return new Response(null, { status: 204 });
    }
    if (!tokens.has(token)) return Response.json({ message: "Bad credentials" }, { status: 401 });
    if (request.method === "GET" && path === "/api/user") {
      return Response.json({ login: "acme-demo", id: 1, type: "User" });
    }
    if (request.method === "GET" && path === "/api/user/repos") {
      return Response.json(repositories.map(withUrl));
    }
    const repo = /^\/api\/repos\/([^/]+)\/([^/]+)$/.exec(path);
    const found = repo && repositories.find((r) => r.full_name === `${repo[1]}/${repo[2]}`);
    if (request.method === "GET" && found) return Response.json(withUrl(found));
    return Response.json({ message: "Not Found" }, { status: 404 });
  }

  function consent(query: URLSearchParams): Response {
    const decide = (decision: string) => {
      const target = new URL(`${base()}/login/oauth/decide`);
      for (const name of ["redirect_uri", "state", "code_challenge"]) {
        target.searchParams.set(name, query.get(name) ?? "");
      }
      target.searchParams.set("decision", decision);
      return escapeHtml(target.toString());
    };
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize Plugboard demo</title></head>
<body style="font:15px system-ui;max-width:28rem;margin:3rem auto">
<h1>Fake GitHub</h1>
<p>The Plugboard demo wants to read your repositories (${escapeHtml(query.get("scope") ?? "")}).</p>
<p><a id="authorize" href="${decide("approve")}">Authorize</a> · <a id="cancel" href="${decide("deny")}">Cancel</a></p>
</body></html>`;
    return new Response(html, {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      },
    });
  }

  async function exchange(request: Request): Promise<Response> {
    const form = new URLSearchParams(await request.text());
    const expected = `Basic ${btoa(`${clientId}:${clientSecret}`)}`;
    if (request.headers.get("authorization") !== expected) {
      return Response.json({ error: "incorrect_client_credentials" });
    }
    const code = form.get("code") ?? "";
    const grant = codes.get(code);
    codes.delete(code);
    const verifier = form.get("code_verifier");
    if (
      !grant ||
      grant.redirectUri !== form.get("redirect_uri") ||
      (grant.challenge !== null &&
        (!verifier || (await pkceChallenge(verifier)) !== grant.challenge))
    ) {
      // GitHub answers a bad code with 200 and an error body.
      return Response.json({
        error: "bad_verification_code",
        error_description: "The code passed is incorrect or expired.",
      });
    }
    const accessToken = `gho_${randomBase62(36)}`;
    tokens.add(accessToken);
    return Response.json({
      access_token: accessToken,
      token_type: "bearer",
      scope: "repo,read:org",
    });
  }

  function withUrl(repository: (typeof repositories)[number]) {
    return { ...repository, html_url: `https://github.com/${repository.full_name}` };
  }

  return {
    handler,
    github: {
      clientId,
      clientSecret,
      get baseUrl() {
        return base();
      },
      get apiBaseUrl() {
        return `${base()}/api`;
      },
    },
  };
}
