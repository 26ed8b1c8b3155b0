import { pkceChallenge } from "@plugboard/core";
import { consentRoute, redirectBack } from "../consent";
import { htmlPage, seeOther } from "../html";
import { mswHandlers, pathUnder } from "../msw";
import { pullRequestsPage, repositoriesPage } from "./pages";
import { pullRequestPayload, repositoryPayload, type SimulatedPullRequest } from "./pull-requests";
import { type SimulatedRepository, simulatedRepository } from "./repositories";
import { deliver, type SimulatedDelivery, type SimulatedWebhook } from "./webhooks";

export interface GitHubSimulationOptions {
  /** github.com: OAuth, and the pages a person uses. */
  baseUrl?: string;
  /** api.github.com: the REST API. */
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
  /** Webhooks every repository sends its events to. More can be added with `addWebhook`. */
  webhooks?: SimulatedWebhook[];
}

const defaultRepositories = [
  simulatedRepository(101, "acme-inc/web"),
  simulatedRepository(102, "acme-inc/api", true),
  simulatedRepository(103, "acme-inc/docs"),
];

const json = (body: unknown, init?: ResponseInit) => Response.json(body, init);
const notFound = () => json({ message: "Not Found" }, { status: 404 });

/**
 * GitHub as Plugboard meets it: the OAuth consent page and token endpoint, the REST endpoints
 * Plugboard calls, and pull requests a person opens and merges on a small page, each change
 * sent as a signed `pull_request` webhook. One Web handler (`handle`), mounted in msw
 * (`handlers`) or on a loopback server (`startGitHubSimulator` in `/node`). `approve()` plays
 * the user clicking "Authorize": the callback URL with a one-time code bound, like GitHub's, to
 * the redirect URI and the PKCE challenge.
 */
export function createGitHubSimulation(options: GitHubSimulationOptions = {}) {
  const web = (options.baseUrl ?? "https://github.com").replace(/\/+$/, "");
  const api = (options.apiBaseUrl ?? "https://api.github.com").replace(/\/+$/, "");
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
  const webhooks = [...(options.webhooks ?? [])];
  let counter = 0;

  const state = {
    clientId,
    clientSecret,
    baseUrl: web,
    apiBaseUrl: api,
    /** Access tokens revoked through DELETE /applications/{client_id}/grant. */
    revoked: [] as string[],
    /** Successful refresh_token grants. */
    refreshes: 0,
    /** Every token endpoint request, as sent (for asserting PKCE and credentials). */
    tokenRequests: [] as URLSearchParams[],
    /** Access tokens issued so far, newest last. */
    issued: [] as string[],
    /** Pull requests of every repository, in the order they were opened. */
    pullRequests: [] as SimulatedPullRequest[],
    /** Every webhook delivery attempt, oldest first. */
    deliveries: [] as SimulatedDelivery[],
    approve(authorizeUrl: string): string {
      const url = new URL(authorizeUrl);
      const redirectUri = url.searchParams.get("redirect_uri") ?? "";
      const code = `code_${++counter}`;
      codes.set(code, { redirectUri, challenge: url.searchParams.get("code_challenge") });
      return redirectBack(authorizeUrl, { code });
    },
    deny(authorizeUrl: string): string {
      return redirectBack(authorizeUrl, {
        error: "access_denied",
        error_description: "The user has denied your application access.",
      });
    },
    /** Invalidates every refresh token, as when the user revokes the app on github.com. */
    forgetRefreshTokens() {
      refreshTokens.clear();
    },
    /** Sends every later event to this webhook too (GitHub's "Add webhook"). */
    addWebhook(hook: SimulatedWebhook) {
      webhooks.push(hook);
    },
    /** Opens a pull request and sends `pull_request` `opened`; resolves once delivered. */
    async openPullRequest(
      repositoryName: string,
      fields: { title: string; body?: string | null; head?: string; author?: string },
    ): Promise<SimulatedPullRequest> {
      const repository = findRepository(repositoryName);
      if (!repository) throw new Error(`No simulated repository ${repositoryName}`);
      const pull: SimulatedPullRequest = {
        number: state.pullRequests.filter((p) => p.repository === repository.full_name).length + 1,
        repository: repository.full_name,
        title: fields.title,
        body: fields.body || null,
        head: fields.head || "feature",
        state: "open",
        merged: false,
        author: fields.author ?? login,
        createdAt: new Date().toISOString(),
        mergedAt: null,
        closedAt: null,
      };
      state.pullRequests.push(pull);
      await send("opened", pull, repository);
      return pull;
    },
    /** Merges (or, with `merge: false`, closes) an open pull request and sends `closed`. */
    async closePullRequest(repositoryName: string, number: number, { merge = true } = {}) {
      const pull = findPull(repositoryName, number);
      const repository = findRepository(repositoryName);
      if (!pull || !repository || pull.state !== "open") return null;
      const at = new Date().toISOString();
      pull.state = "closed";
      pull.closedAt = at;
      if (merge) {
        pull.merged = true;
        pull.mergedAt = at;
      }
      await send("closed", pull, repository);
      return pull;
    },
    handle,
    handlers: [] as ReturnType<typeof mswHandlers>,
  };
  state.handlers = mswHandlers(handle, [web, api]);

  function findRepository(fullName: string) {
    return repositories.find((repository) => repository.full_name === fullName);
  }

  function findPull(repositoryName: string, number: number) {
    return state.pullRequests.find(
      (pull) => pull.repository === repositoryName && pull.number === number,
    );
  }

  async function send(action: string, pull: SimulatedPullRequest, repository: SimulatedRepository) {
    const payload = {
      action,
      number: pull.number,
      pull_request: pullRequestPayload(pull, repository, { web, api }),
      repository: repositoryPayload(repository, web),
      sender: { login: pull.author },
    };
    for (const hook of webhooks) {
      state.deliveries.push(await deliver(hook, "pull_request", payload));
    }
  }

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

  const clientBasic = `Basic ${btoa(`${clientId}:${clientSecret}`)}`;

  function authorized(request: Request): boolean {
    const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
    const entry = accessTokens.get(token);
    return entry !== undefined && (entry.expiresAt === null || entry.expiresAt > Date.now());
  }

  const unauthorized = () =>
    json(
      { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" },
      { status: 401 },
    );

  async function exchange(request: Request): Promise<Response> {
    const form = new URLSearchParams(await request.text());
    state.tokenRequests.push(form);
    if (request.headers.get("authorization") !== clientBasic) {
      return json({ error: "incorrect_client_credentials" });
    }
    if (form.get("grant_type") === "refresh_token") {
      const refreshToken = form.get("refresh_token") ?? "";
      if (!refreshTokens.delete(refreshToken)) return json({ error: "bad_refresh_token" });
      // Slow enough that concurrent callers overlap, as they would against the real GitHub.
      await new Promise((resolve) => setTimeout(resolve, 20));
      state.refreshes += 1;
      return json(issue());
    }
    const code = form.get("code") ?? "";
    const grant = codes.get(code);
    codes.delete(code);
    if (!grant || grant.redirectUri !== form.get("redirect_uri")) {
      return json(badCode); // GitHub answers 200 with an error body
    }
    const verifier = form.get("code_verifier");
    if (
      grant.challenge !== null &&
      (!verifier || (await pkceChallenge(verifier)) !== grant.challenge)
    ) {
      return json(badCode);
    }
    return json(issue());
  }

  async function handleApi(request: Request, path: string): Promise<Response> {
    const url = new URL(request.url);
    const grant = /^\/applications\/([^/]+)\/grant$/.exec(path);
    if (request.method === "DELETE" && grant) {
      if (grant[1] !== clientId || request.headers.get("authorization") !== clientBasic) {
        return notFound();
      }
      const body = (await request.json()) as { access_token?: string };
      state.revoked.push(body.access_token ?? "");
      accessTokens.delete(body.access_token ?? "");
      return new Response(null, { status: 204 });
    }
    if (request.method !== "GET") return notFound();
    if (!authorized(request)) return unauthorized();
    if (path === "/user") return json({ login, id: 1, type: "Organization" });
    if (path === "/user/repos") {
      const page = Number(url.searchParams.get("page") ?? "1");
      const items = repositories
        .slice((page - 1) * pageSize, page * pageSize)
        .map((repository) => ({ ...repository, html_url: `${web}/${repository.full_name}` }));
      const headers: Record<string, string> = {};
      if (page * pageSize < repositories.length) {
        headers.link = `<${api}/user/repos?per_page=${pageSize}&sort=updated&page=${page + 1}>; rel="next"`;
      }
      return json(items, { headers });
    }
    const repo = /^\/repos\/([^/]+\/[^/]+)$/.exec(path);
    const found = repo?.[1] ? findRepository(repo[1]) : undefined;
    return found ? json({ ...found, html_url: `${web}/${found.full_name}` }) : notFound();
  }

  async function handleWeb(request: Request, path: string): Promise<Response> {
    if (request.method === "POST" && path === "/login/oauth/access_token") return exchange(request);
    const consent = consentRoute(request, {
      provider: "GitHub",
      authorizeUrl: `${web}/login/oauth/authorize`,
      decideUrl: `${web}/login/oauth/decide`,
      simulation: state,
    });
    if (consent) return consent;
    if (request.method === "GET" && path === "/") return repositoriesPage(web, repositories);
    const match = /^\/([^/]+\/[^/]+)(?:\/(pulls|pull\/(\d+)(?:\/(merge|close))?))?$/.exec(path);
    const repository = match?.[1] ? findRepository(match[1]) : undefined;
    if (!match || !repository) {
      return htmlPage("Not found · GitHub (simulated)", "<h1>Not found</h1>", 404);
    }
    const list = `${web}/${repository.full_name}/pulls`;
    if (match[2] === undefined && request.method === "GET") return seeOther(list);
    if (match[2] === "pulls" && request.method === "GET") {
      return pullRequestsPage(
        web,
        repository,
        state.pullRequests.filter((pull) => pull.repository === repository.full_name),
        state.deliveries,
      );
    }
    if (match[2] === "pulls" && request.method === "POST") {
      const form = new URLSearchParams(await request.text());
      const title = form.get("title")?.trim() ?? "";
      if (!title) return htmlPage("Title required", "<h1>A pull request needs a title</h1>", 422);
      await state.openPullRequest(repository.full_name, {
        title: title.slice(0, 256),
        body: form.get("body"),
        head: form.get("head")?.trim().slice(0, 100),
      });
      return seeOther(list);
    }
    const number = Number(match[3]);
    if (request.method === "POST" && match[4]) {
      await state.closePullRequest(repository.full_name, number, { merge: match[4] === "merge" });
      return seeOther(`${list}#pr-${number}`);
    }
    if (request.method === "GET" && !match[4] && findPull(repository.full_name, number)) {
      return seeOther(`${list}#pr-${number}`);
    }
    return htmlPage("Not found · GitHub (simulated)", "<h1>Not found</h1>", 404);
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    // The API first: on a loopback server it lives under the web origin (`{origin}/api`).
    const apiPath = pathUnder(url, api);
    if (apiPath !== null) return handleApi(request, apiPath);
    const webPath = pathUnder(url, web);
    if (webPath !== null) return handleWeb(request, webPath);
    return notFound();
  }

  return state;
}

export type GitHubSimulation = ReturnType<typeof createGitHubSimulation>;
