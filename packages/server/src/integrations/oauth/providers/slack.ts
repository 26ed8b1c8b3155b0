import { type OAuthClientOptions, OAuthExchangeError, type OAuthProvider } from "../types";
import { providerFetch } from "./arctic-tokens";
import { oauth2Provider } from "./oauth2";

/** Bot scopes for posting updates, unfurling issue links and slash commands. */
export const slackDefaultScopes = [
  "chat:write",
  "channels:read",
  "links:read",
  "links:write",
  "commands",
];

/**
 * Slack's app install ("OAuth v2"): a bot token for the workspace. arctic's `Slack` class is
 * Sign in with Slack (OpenID), another flow, so the standard client is used with v2 endpoints.
 */
export interface SlackOAuthOptions extends OAuthClientOptions {
  /** Slack's origin, for a local Slack simulator in demos and tests. Default https://slack.com. */
  baseUrl?: string;
}

export function slackProvider(options: SlackOAuthOptions, now: () => number): OAuthProvider {
  const base = (options.baseUrl ?? "https://slack.com").replace(/\/+$/, "");
  const provider: OAuthProvider = oauth2Provider({
    id: "slack",
    name: "Slack",
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    authorizationUrl: `${base}/oauth/v2/authorize`,
    tokenUrl: `${base}/api/oauth.v2.access`,
    scopes: options.scopes ?? slackDefaultScopes,
    scopeSeparator: ",",
    pkce: false,
    redirectUri: options.redirectUri ?? null,
    // Only apps that opted into token rotation get refresh tokens; the same grant handles both.
    refreshable: true,
    now,
    async revoke(tokens) {
      // A rotated bot token that has expired cannot revoke itself: trade the refresh token first.
      const live =
        tokens.expiresAt !== null && tokens.expiresAt <= now() && tokens.refreshToken
          ? await provider.refresh?.(tokens.refreshToken)
          : tokens;
      const response = await providerFetch(`${base}/api/auth.revoke`, {
        method: "POST",
        headers: { authorization: `Bearer ${(live ?? tokens).accessToken}` },
      });
      // Slack reports failures with HTTP 200 and `ok: false`.
      const answer = (await response.json()) as { ok?: unknown; error?: unknown };
      if (answer.ok !== true) {
        const error = typeof answer.error === "string" ? answer.error : "unknown_error";
        throw new OAuthExchangeError(error, `Slack answered ${error}`);
      }
    },
    // oauth.v2.access names the workspace in its answer (`team`, or `enterprise`).
    account: async (tokens) => tokens.account ?? { id: null, name: null },
  });
  return provider;
}
