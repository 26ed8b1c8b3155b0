import { consentRoute, redirectBack } from "./consent";
import { mswHandlers, pathUnder } from "./msw";
import { channelPage } from "./slack-channel-page";
import { createSlackWorkspace, type SlackWorkspaceOptions } from "./slack-workspace";

export interface SlackSimulationOptions {
  /** slack.com: the consent page (`/oauth/v2/authorize`) and the Web API (`/api`). */
  baseUrl?: string;
  clientId?: string;
  clientSecret?: string;
  team?: { id: string; name: string };
  /** Enterprise Grid: the org the workspace belongs to, named by oauth.v2.access. */
  enterprise?: { id: string; name: string };
  appId?: string;
  botUserId?: string;
  /** The Slack user who clicks "Allow" (`authed_user.id`). */
  userId?: string;
  /**
   * Token rotation on: bot tokens expire after this many seconds and come with a refresh token
   * (Slack's default lifetime is 43200). Omitted: tokens never expire, as for most apps.
   */
  tokenRotationExpiresIn?: number;
  /** The clock tokens expire by; default `Date.now` (pass the server's fake clock). */
  now?: () => number;
  /** Bot tokens accepted from the start (fixtures that skip the install). */
  acceptedTokens?: string[];
  /** Channels, paging and the signing secret of the simulated workspace. */
  workspace?: SlackWorkspaceOptions;
}

interface SlackToken {
  expiresAt: number | null;
  scope: string;
}

const ok = (body: Record<string, unknown>) => Response.json({ ok: true, ...body });
// Slack answers every Web API error with HTTP 200 and `ok: false`.
const fail = (error: string) => Response.json({ ok: false, error });

/**
 * Slack's app install ("OAuth v2"): `oauth.v2.access` for the code exchange and, with token
 * rotation, the refresh grant; `auth.revoke`. `approve()` plays the user clicking "Allow" on
 * Slack's consent page and returns the callback URL with a one-time code bound to the redirect URI;
 * `/oauth/v2/authorize` serves that page for a person. One Web handler (`handle`), mounted in msw
 * (`handlers`) or on a loopback server (`startSlackSimulator` in `/node`).
 */
export function createSlackSimulation(options: SlackSimulationOptions = {}) {
  const clientId = options.clientId ?? "1234567890.0987654321";
  const clientSecret = options.clientSecret ?? "slack-test-client-secret";
  const team = options.team ?? { id: "T0PLUGBRD", name: "Acme Inc" };
  const now = options.now ?? Date.now;
  const base = (options.baseUrl ?? "https://slack.com").replace(/\/+$/, "");
  const codes = new Map<string, { redirectUri: string | null; scope: string }>();
  const accessTokens = new Map<string, SlackToken>();
  const refreshTokens = new Map<string, { scope: string }>();
  let counter = 0;
  const workspace = createSlackWorkspace(base, now, options.workspace, {
    teamId: team.id,
    userId: options.userId ?? "U0ADASIM1",
  });

  const state = {
    /** Channels, messages, modals, unfurls, signed requests to the app (see slack-workspace). */
    workspace,
    clientId,
    clientSecret,
    team,
    /** Tokens revoked through auth.revoke. */
    revoked: [] as string[],
    /** Successful refresh_token grants. */
    refreshes: 0,
    /** Every oauth.v2.access request body, as sent. */
    tokenRequests: [] as URLSearchParams[],
    /** Bot tokens issued so far, newest last. */
    issued: [] as string[],
    approve(authorizeUrl: string): string {
      const url = new URL(authorizeUrl);
      const code = `sim${++counter}.slackcode`;
      codes.set(code, {
        redirectUri: url.searchParams.get("redirect_uri"),
        scope: url.searchParams.get("scope") ?? "",
      });
      return redirectBack(authorizeUrl, { code });
    },
    deny(authorizeUrl: string): string {
      return redirectBack(authorizeUrl, { error: "access_denied" });
    },
    /** Invalidates every refresh token, as when the app is uninstalled from the workspace. */
    forgetRefreshTokens() {
      refreshTokens.clear();
    },
    /** Whether a bot token is currently accepted by the Web API. */
    accepts(token: string): boolean {
      const entry = accessTokens.get(token);
      return entry !== undefined && (entry.expiresAt === null || entry.expiresAt > now());
    },
    /** Where the app's Plugboard is mounted (`http://…/api/plugboard`): the channel page posts there. */
    appUrl: null as string | null,
    /** Kills a bot token as a workspace admin would: the Web API answers `token_revoked`. */
    killToken(token: string) {
      accessTokens.delete(token);
      killed.add(token);
    },
    baseUrl: base,
    handle,
    handlers: [] as ReturnType<typeof mswHandlers>,
  };
  state.handlers = mswHandlers(handle, [base]);
  const killed = new Set<string>();
  for (const token of options.acceptedTokens ?? []) {
    accessTokens.set(token, { expiresAt: null, scope: "chat:write,channels:read,commands" });
  }

  function tokenError(token: string | null): string | null {
    if (!token) return "not_authed";
    if (killed.has(token)) return "token_revoked";
    const entry = accessTokens.get(token);
    if (!entry) return "invalid_auth";
    if (entry.expiresAt !== null && entry.expiresAt <= now()) return "token_expired";
    return null;
  }

  function issue(scope: string) {
    const rotating = options.tokenRotationExpiresIn !== undefined;
    const n = ++counter;
    const accessToken = rotating ? `xoxe.xoxb-1-sim${n}` : `xoxb-1-sim${n}`;
    accessTokens.set(accessToken, {
      expiresAt: rotating ? now() + (options.tokenRotationExpiresIn as number) * 1000 : null,
      scope,
    });
    state.issued.push(accessToken);
    const rotation: Record<string, unknown> = {};
    if (rotating) {
      const refreshToken = `xoxe-1-simrefresh${n}`;
      refreshTokens.set(refreshToken, { scope });
      rotation.refresh_token = refreshToken;
      rotation.expires_in = options.tokenRotationExpiresIn;
    }
    return {
      access_token: accessToken,
      token_type: "bot",
      scope,
      bot_user_id: options.botUserId ?? "U0BOTSIM1",
      app_id: options.appId ?? "A0PLUGBRD1",
      team,
      enterprise: options.enterprise ?? null,
      is_enterprise_install: false,
      authed_user: { id: options.userId ?? "U0ADASIM1" },
      ...rotation,
    };
  }

  /** Slack takes the app's credentials as HTTP Basic or as form fields. */
  function clientError(request: Request, form: URLSearchParams): string | null {
    const basic = request.headers.get("authorization")?.match(/^Basic (.+)$/)?.[1];
    const [id, secret] = basic
      ? atob(basic).split(":")
      : [form.get("client_id"), form.get("client_secret")];
    if (id !== clientId) return "invalid_client_id";
    if (secret !== clientSecret) return "bad_client_secret";
    return null;
  }

  async function access(request: Request): Promise<Response> {
    if (!request.headers.get("content-type")?.includes("application/x-www-form-urlencoded")) {
      return fail("invalid_arguments");
    }
    const form = new URLSearchParams(await request.text());
    state.tokenRequests.push(form);
    const refused = clientError(request, form);
    if (refused) return fail(refused);
    const grantType = form.get("grant_type") ?? "authorization_code";
    if (grantType === "refresh_token") {
      const refreshToken = form.get("refresh_token") ?? "";
      const grant = refreshTokens.get(refreshToken);
      if (!grant) return fail("invalid_refresh_token");
      refreshTokens.delete(refreshToken);
      state.refreshes += 1;
      return ok(issue(grant.scope));
    }
    if (grantType !== "authorization_code") return fail("invalid_grant_type");
    const code = form.get("code") ?? "";
    const grant = codes.get(code);
    codes.delete(code);
    if (!grant) return fail("invalid_code");
    // A redirect_uri sent to the consent page must be repeated exactly here.
    if (grant.redirectUri !== null && grant.redirectUri !== form.get("redirect_uri")) {
      return fail("bad_redirect_uri");
    }
    return ok(issue(grant.scope));
  }

  async function revoke(request: Request): Promise<Response> {
    const form = new URLSearchParams(await request.text());
    const token =
      request.headers.get("authorization")?.replace(/^Bearer /, "") ?? form.get("token") ?? "";
    if (!token) return fail("not_authed");
    const entry = accessTokens.get(token);
    if (!entry) return fail("invalid_auth");
    if (entry.expiresAt !== null && entry.expiresAt <= now()) return fail("token_expired");
    accessTokens.delete(token);
    state.revoked.push(token);
    return ok({ revoked: true });
  }

  async function handle(request: Request): Promise<Response> {
    const consent = consentRoute(request, {
      provider: "Slack",
      authorizeUrl: `${base}/oauth/v2/authorize`,
      decideUrl: `${base}/oauth/v2/decide`,
      simulation: state,
    });
    if (consent) return consent;
    const path = pathUnder(new URL(request.url), base);
    if (request.method === "POST" && path === "/api/oauth.v2.access") return access(request);
    if (request.method === "POST" && path === "/api/auth.revoke") return revoke(request);
    if (path !== null) {
      const page = channelPage(workspace, () => state.appUrl, request, path);
      if (page) return page;
      const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? null;
      const answer = await workspace.handle(path, request, token, tokenError);
      if (answer) return answer;
    }
    return Response.json({ ok: false, error: "unknown_method" }, { status: 404 });
  }

  return state;
}

export type SlackSimulation = ReturnType<typeof createSlackSimulation>;
