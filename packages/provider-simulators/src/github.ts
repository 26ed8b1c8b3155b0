import { type HttpHandler, HttpResponse, http } from "msw";
import { s256 } from "./pkce";

/** A repository as GitHub's REST API documents it (the fields Plugboard reads, and a few more). */
export interface SimulatedRepository {
  id: number;
  name: string;
  full_name: string;
  private: boolean;
  html_url: string;
  default_branch: string;
  owner: { login: string };
}

export interface GitHubSimulationOptions {
  baseUrl?: string;
  apiBaseUrl?: string;
  clientId?: string;
  clientSecret?: string;
  login?: string;
  /** Seconds until access tokens expire; omitted: they never do (as for OAuth apps). */
  expiresIn?: number;
  repositories?: SimulatedRepository[];
  /** Repositories per page of GET /user/repos (GitHub's per_page). */
  pageSize?: number;
  /** Access tokens valid from the start (for fixtures seeded with tokens). */
  acceptedTokens?: string[];
}

export function simulatedRepository(id: number, fullName: string, isPrivate = false) {
  const [owner = "", name = ""] = fullName.split("/");
  return {
    id,
    name,
    full_name: fullName,
    private: isPrivate,
    html_url: `https://github.com/${fullName}`,
    default_branch: "main",
    owner: { login: owner },
  } satisfies SimulatedRepository;
}

const defaultRepositories = [
  simulatedRepository(101, "acme-inc/web"),
  simulatedRepository(102, "acme-inc/api", true),
  simulatedRepository(103, "acme-inc/docs"),
];

/**
 * GitHub's OAuth token endpoint and the REST endpoints Plugboard calls, for msw. `approve()`
 * plays the user clicking "Authorize" on the consent page: it returns the callback URL with a
 * one-time code, bound (like GitHub's) to the redirect URI and the PKCE challenge.
 */
export function createGitHubSimulation(options: GitHubSimulationOptions = {}) {
  const baseUrl = options.baseUrl ?? "https://github.com";
  const api = options.apiBaseUrl ?? "https://api.github.com";
  const clientId = options.clientId ?? "Iv1.plugboardtest";
  const clientSecret = options.clientSecret ?? "test-client-secret";
  const login = options.login ?? "acme-inc";
  const repositories = options.repositories ?? defaultRepositories;
  const pageSize = options.pageSize ?? 100;
  const codes = new Map<string, { redirectUri: string; challenge: string | null }>();
  const accessTokens = new Map<string, { expiresAt: number | null }>(
    (options.acceptedTokens ?? []).map((token) => [token, { expiresAt: null }]),
  );
  const refreshTokens = new Set<string>();
  let counter = 0;

  const state = {
    clientId,
    clientSecret,
    /** Access tokens revoked through DELETE /applications/{client_id}/grant. */
    revoked: [] as string[],
    /** Successful refresh_token grants. */
    refreshes: 0,
    /** Every token endpoint request, as sent (for asserting PKCE and credentials). */
    tokenRequests: [] as URLSearchParams[],
    /** Access tokens issued so far, newest last. */
    issued: [] as string[],
    approve(authorizeUrl: string): string {
      const url = new URL(authorizeUrl);
      const redirectUri = url.searchParams.get("redirect_uri") ?? "";
      const code = `code_${++counter}`;
      codes.set(code, { redirectUri, challenge: url.searchParams.get("code_challenge") });
      const callback = new URL(redirectUri);
      callback.searchParams.set("code", code);
      callback.searchParams.set("state", url.searchParams.get("state") ?? "");
      return callback.toString();
    },
    deny(authorizeUrl: string): string {
      const url = new URL(authorizeUrl);
      const callback = new URL(url.searchParams.get("redirect_uri") ?? "");
      callback.searchParams.set("error", "access_denied");
      callback.searchParams.set(
        "error_description",
        "The user has denied your application access.",
      );
      callback.searchParams.set("state", url.searchParams.get("state") ?? "");
      return callback.toString();
    },
    /** Invalidates every refresh token, as when the user revokes the app on github.com. */
    forgetRefreshTokens() {
      refreshTokens.clear();
    },
    handlers: [] as HttpHandler[],
  };

  function issue() {
    const accessToken = `gho_sim${++counter}`;
    const refreshToken = `ghr_sim${counter}`;
    const expiresAt = options.expiresIn ? Date.now() + options.expiresIn * 1000 : null;
    accessTokens.set(accessToken, { expiresAt });
    refreshTokens.add(refreshToken);
    state.issued.push(accessToken);
    return {
      access_token: accessToken,
      token_type: "bearer",
      scope: "repo,read:org",
      ...(options.expiresIn
        ? {
            expires_in: options.expiresIn,
            refresh_token: refreshToken,
            refresh_token_expires_in: 15_811_200,
          }
        : {}),
    };
  }

  const badCode = {
    error: "bad_verification_code",
    error_description: "The code passed is incorrect or expired.",
    error_uri:
      "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code",
  };

  function authorized(request: Request): boolean {
    const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
    const entry = accessTokens.get(token);
    return entry !== undefined && (entry.expiresAt === null || entry.expiresAt > Date.now());
  }

  const unauthorized = () =>
    HttpResponse.json(
      { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" },
      { status: 401 },
    );

  state.handlers = [
    http.post(`${baseUrl}/login/oauth/access_token`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      state.tokenRequests.push(form);
      if (request.headers.get("authorization") !== `Basic ${btoa(`${clientId}:${clientSecret}`)}`) {
        return HttpResponse.json({ error: "incorrect_client_credentials" });
      }
      if (form.get("grant_type") === "refresh_token") {
        const refreshToken = form.get("refresh_token") ?? "";
        if (!refreshTokens.delete(refreshToken)) {
          return HttpResponse.json({ error: "bad_refresh_token" });
        }
        // Slow enough that concurrent callers overlap, as they would against the real GitHub.
        await new Promise((resolve) => setTimeout(resolve, 20));
        state.refreshes += 1;
        return HttpResponse.json(issue());
      }
      const code = form.get("code") ?? "";
      const grant = codes.get(code);
      codes.delete(code);
      if (!grant || grant.redirectUri !== form.get("redirect_uri")) {
        return HttpResponse.json(badCode); // GitHub answers 200 with an error body
      }
      const verifier = form.get("code_verifier");
      if (grant.challenge !== null && (!verifier || (await s256(verifier)) !== grant.challenge)) {
        return HttpResponse.json(badCode);
      }
      return HttpResponse.json(issue());
    }),
    http.get(`${api}/user`, ({ request }) =>
      authorized(request)
        ? HttpResponse.json({ login, id: 1, type: "Organization" })
        : unauthorized(),
    ),
    http.get(`${api}/user/repos`, ({ request }) => {
      if (!authorized(request)) return unauthorized();
      const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
      const items = repositories.slice((page - 1) * pageSize, page * pageSize);
      const headers: Record<string, string> = {};
      if (page * pageSize < repositories.length) {
        headers.link = `<${api}/user/repos?per_page=${pageSize}&sort=updated&page=${page + 1}>; rel="next"`;
      }
      return HttpResponse.json(items, { headers });
    }),
    http.get(`${api}/repos/:owner/:repo`, ({ request, params }) => {
      if (!authorized(request)) return unauthorized();
      const found = repositories.find(
        (repository) => repository.full_name === `${params.owner}/${params.repo}`,
      );
      return found
        ? HttpResponse.json(found)
        : HttpResponse.json({ message: "Not Found" }, { status: 404 });
    }),
    http.delete(`${api}/applications/:clientId/grant`, async ({ request, params }) => {
      if (
        params.clientId !== clientId ||
        request.headers.get("authorization") !== `Basic ${btoa(`${clientId}:${clientSecret}`)}`
      ) {
        return HttpResponse.json({ message: "Not Found" }, { status: 404 });
      }
      const body = (await request.json()) as { access_token?: string };
      state.revoked.push(body.access_token ?? "");
      accessTokens.delete(body.access_token ?? "");
      return new HttpResponse(null, { status: 204 });
    }),
  ];
  return state;
}

export type GitHubSimulation = ReturnType<typeof createGitHubSimulation>;
