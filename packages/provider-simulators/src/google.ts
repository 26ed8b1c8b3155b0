import { pkceChallenge } from "@plugboard/core";
import { consentRoute, redirectBack } from "./consent";
import { createCalendarApi } from "./google-calendar/calendar-api";
import { weekView } from "./google-calendar/week-view";
import { mswHandlers, pathUnder } from "./msw";

export interface GoogleSimulationOptions {
  /**
   * Google's hosts: accounts.google.com (consent), oauth2.googleapis.com (token, revoke) and
   * openidconnect.googleapis.com (userinfo). A loopback server serves all three on its origin.
   */
  accountsBaseUrl?: string;
  oauth2BaseUrl?: string;
  openIdBaseUrl?: string;
  /** The Calendar API root (www.googleapis.com/calendar/v3); a loopback server uses `{origin}/calendar/v3`. */
  calendarBaseUrl?: string;
  /** The primary calendar's time zone. Default `Europe/Berlin`. */
  timeZone?: string;
  clientId?: string;
  clientSecret?: string;
  /** The Google account that consents (userinfo's `email`). */
  email?: string;
  name?: string;
  /** Seconds an access token lives; Google's are 3599. */
  expiresIn?: number;
  /** The clock tokens expire by; default `Date.now` (pass the server's fake clock). */
  now?: () => number;
}

interface Grant {
  id: number;
  scope: string;
  revoked: boolean;
}

/** Google answers with the full URL for the OpenID shorthand scopes. */
const scopeNames: Record<string, string> = {
  email: "https://www.googleapis.com/auth/userinfo.email",
  profile: "https://www.googleapis.com/auth/userinfo.profile",
};

const oauthError = (status: number, error: string, description: string) =>
  Response.json({ error, error_description: description }, { status });

/**
 * Google's OAuth 2.0 for web server apps: the token endpoint (authorization_code with PKCE,
 * refresh_token), revocation, and OpenID Connect userinfo. `approve()` plays the user consenting
 * on accounts.google.com: the callback URL with a one-time code bound to the redirect URI and the
 * PKCE challenge (`/o/oauth2/v2/auth` serves that page for a person). A refresh token is issued
 * only for `access_type=offline`, as Google does. One Web handler (`handle`), mounted in msw
 * (`handlers`) or on a loopback server (`startGoogleSimulator` in `/node`).
 */
export function createGoogleSimulation(options: GoogleSimulationOptions = {}) {
  const clientId = options.clientId ?? "123456789012-plugboard.apps.googleusercontent.com";
  const clientSecret = options.clientSecret ?? "GOCSPX-test-client-secret";
  const email = options.email ?? "ada@acme.example";
  const expiresIn = options.expiresIn ?? 3599;
  const now = options.now ?? Date.now;
  const accounts = (options.accountsBaseUrl ?? "https://accounts.google.com").replace(/\/+$/, "");
  const oauth2 = (options.oauth2BaseUrl ?? "https://oauth2.googleapis.com").replace(/\/+$/, "");
  const openId = (options.openIdBaseUrl ?? "https://openidconnect.googleapis.com").replace(
    /\/+$/,
    "",
  );
  const calendarBase = options.calendarBaseUrl ?? "https://www.googleapis.com/calendar/v3";
  const codes = new Map<
    string,
    { redirectUri: string; challenge: string | null; scope: string; offline: boolean }
  >();
  const accessTokens = new Map<string, { grant: Grant; expiresAt: number }>();
  const refreshTokens = new Map<string, Grant>();
  let counter = 0;

  const state = {
    clientId,
    clientSecret,
    email,
    /** Tokens sent to the revocation endpoint and accepted. */
    revoked: [] as string[],
    /** Successful refresh_token grants. */
    refreshes: 0,
    /** Every token endpoint request body, as sent. */
    tokenRequests: [] as URLSearchParams[],
    /** Access tokens issued so far, newest last. */
    issued: [] as string[],
    /** Refresh tokens issued so far, newest last. */
    issuedRefreshTokens: [] as string[],
    approve(authorizeUrl: string): string {
      const url = new URL(authorizeUrl);
      const redirectUri = url.searchParams.get("redirect_uri") ?? "";
      const code = `4/0sim${++counter}`;
      codes.set(code, {
        redirectUri,
        challenge:
          url.searchParams.get("code_challenge_method") === "S256"
            ? url.searchParams.get("code_challenge")
            : null,
        scope: (url.searchParams.get("scope") ?? "")
          .split(" ")
          .filter(Boolean)
          .map((scope) => scopeNames[scope] ?? scope)
          .join(" "),
        offline: url.searchParams.get("access_type") === "offline",
      });
      return redirectBack(authorizeUrl, { code, scope: codes.get(code)?.scope ?? "" });
    },
    deny(authorizeUrl: string): string {
      return redirectBack(authorizeUrl, { error: "access_denied" });
    },
    /** Whether an access token is currently accepted by Google's APIs. */
    accepts(token: string): boolean {
      const entry = accessTokens.get(token);
      return entry !== undefined && !entry.grant.revoked && entry.expiresAt > now();
    },
    /**
     * A grant as if the user had consented (`approve` plus the code exchange), for tests and
     * benches that start from a connected calendar: an access and a refresh token.
     */
    grant(scope = "https://www.googleapis.com/auth/calendar.events") {
      const grant: Grant = { id: ++counter, scope, revoked: false };
      const refreshToken = `1//0sim-refresh-${grant.id}`;
      refreshTokens.set(refreshToken, grant);
      return { accessToken: issueAccessToken(grant).access_token, refreshToken };
    },
    handle,
    handlers: [] as ReturnType<typeof mswHandlers>,
    /** Google Calendar API v3 over the same tokens: calendars, events, watch channels, quota. */
    calendar: undefined as unknown as ReturnType<typeof createCalendarApi>,
  };
  state.calendar = createCalendarApi({
    baseUrl: calendarBase,
    authorize: (token) => state.accepts(token),
    now,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const week = weekView(state.calendar, now);
  state.handlers = mswHandlers(handle, [accounts, oauth2, openId, calendarBase]);

  function issueAccessToken(grant: Grant) {
    const accessToken = `ya29.sim${++counter}`;
    accessTokens.set(accessToken, { grant, expiresAt: now() + expiresIn * 1000 });
    state.issued.push(accessToken);
    return {
      access_token: accessToken,
      expires_in: expiresIn,
      scope: grant.scope,
      token_type: "Bearer",
    };
  }

  /** Google takes the client's credentials as HTTP Basic or as form fields. */
  function clientRefused(request: Request, form: URLSearchParams) {
    const basic = request.headers.get("authorization")?.match(/^Basic (.+)$/)?.[1];
    const [id, secret] = basic
      ? atob(basic).split(":").map(decodeURIComponent)
      : [form.get("client_id"), form.get("client_secret")];
    if (id !== clientId)
      return oauthError(401, "invalid_client", "The OAuth client was not found.");
    if (secret !== clientSecret) return oauthError(401, "invalid_client", "Unauthorized");
    return null;
  }

  async function token(request: Request): Promise<Response> {
    const form = new URLSearchParams(await request.text());
    state.tokenRequests.push(form);
    const refused = clientRefused(request, form);
    if (refused) return refused;
    const grantType = form.get("grant_type");
    if (grantType === "refresh_token") {
      const grant = refreshTokens.get(form.get("refresh_token") ?? "");
      if (!grant || grant.revoked) {
        return oauthError(400, "invalid_grant", "Token has been expired or revoked.");
      }
      state.refreshes += 1;
      // Google keeps the refresh token: the answer carries no new one.
      return Response.json(issueAccessToken(grant));
    }
    if (grantType !== "authorization_code") {
      return oauthError(400, "unsupported_grant_type", `Invalid grant_type: ${grantType ?? ""}`);
    }
    const code = form.get("code") ?? "";
    const pending = codes.get(code);
    codes.delete(code);
    if (!pending) return oauthError(400, "invalid_grant", "Malformed auth code.");
    if (pending.redirectUri !== form.get("redirect_uri")) {
      return oauthError(400, "redirect_uri_mismatch", "Bad Request");
    }
    if (pending.challenge !== null) {
      const verifier = form.get("code_verifier");
      if (!verifier) return oauthError(400, "invalid_grant", "Missing code verifier.");
      if ((await pkceChallenge(verifier)) !== pending.challenge) {
        return oauthError(400, "invalid_grant", "Invalid code verifier.");
      }
    }
    const grant: Grant = { id: ++counter, scope: pending.scope, revoked: false };
    const tokens: Record<string, unknown> = issueAccessToken(grant);
    if (pending.offline) {
      const refreshToken = `1//0sim-refresh-${grant.id}`;
      refreshTokens.set(refreshToken, grant);
      state.issuedRefreshTokens.push(refreshToken);
      tokens.refresh_token = refreshToken;
      tokens.refresh_token_expires_in = 604_799;
    }
    if (grant.scope.split(" ").includes("openid")) {
      tokens.id_token = `eyJhbGciOiJSUzI1NiJ9.sim${grant.id}.signature`;
    }
    return Response.json(tokens);
  }

  async function revoke(request: Request): Promise<Response> {
    const form = new URLSearchParams(await request.text());
    const token = form.get("token") ?? new URL(request.url).searchParams.get("token") ?? "";
    const grant = refreshTokens.get(token) ?? accessTokens.get(token)?.grant;
    if (!grant || grant.revoked) {
      return oauthError(400, "invalid_token", "Token expired or revoked");
    }
    // Revoking either token of a grant revokes the whole grant.
    grant.revoked = true;
    state.revoked.push(token);
    return Response.json({});
  }

  function userinfo(request: Request): Response {
    const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
    if (!state.accepts(token)) {
      return Response.json(
        { error: "invalid_request", error_description: "Invalid Credentials" },
        { status: 401, headers: { "www-authenticate": 'Bearer error="invalid_token"' } },
      );
    }
    return Response.json({
      sub: "110169484474386276334",
      name: options.name ?? "Ada Lovelace",
      email,
      email_verified: true,
    });
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const { method } = request;
    const at = (base: string, path: string) => pathUnder(url, base) === path;
    const consent = consentRoute(request, {
      provider: "Google",
      authorizeUrl: `${accounts}/o/oauth2/v2/auth`,
      decideUrl: `${accounts}/o/oauth2/v2/decide`,
      simulation: state,
    });
    if (consent) return consent;
    const calendarAnswer = await state.calendar.handle(request);
    if (calendarAnswer) return calendarAnswer;
    const page = pathUnder(url, accounts);
    if (page?.startsWith("/calendar/week")) {
      const answer = await week(request, page);
      if (answer) return answer;
    }
    if (method === "POST" && at(oauth2, "/token")) return token(request);
    if (method === "POST" && at(oauth2, "/revoke")) return revoke(request);
    if (method === "GET" && at(openId, "/v1/userinfo")) return userinfo(request);
    return oauthError(404, "not_found", "No such endpoint.");
  }

  return state;
}

export type GoogleSimulation = ReturnType<typeof createGoogleSimulation>;
