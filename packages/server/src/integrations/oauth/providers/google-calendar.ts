import type { OAuthClientOptions, OAuthProvider } from "../types";
import { providerFetch } from "./arctic-tokens";
import { oauth2Provider } from "./oauth2";

export const googleCalendarDefaultScopes = [
  "openid",
  "email",
  "https://www.googleapis.com/auth/calendar.events",
];

export function googleCalendarProvider(
  options: OAuthClientOptions,
  now: () => number,
): OAuthProvider {
  return oauth2Provider({
    id: "google-calendar",
    name: "Google Calendar",
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    authorizationUrl: "https://accounts.google.com/o/oauth2/v2/auth",
    tokenUrl: "https://oauth2.googleapis.com/token",
    scopes: options.scopes ?? googleCalendarDefaultScopes,
    pkce: true,
    redirectUri: options.redirectUri ?? null,
    // offline + consent: Google returns a refresh token (access tokens last an hour).
    authorizationParams: {
      access_type: "offline",
      prompt: "consent",
      include_granted_scopes: "true",
    },
    refreshable: true,
    now,
    async revoke(tokens) {
      await providerFetch("https://oauth2.googleapis.com/revoke", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token: tokens.refreshToken ?? tokens.accessToken }),
      });
    },
    async account(tokens) {
      const response = await providerFetch("https://openidconnect.googleapis.com/v1/userinfo", {
        headers: { authorization: `Bearer ${tokens.accessToken}` },
      });
      const info = (await response.json()) as { sub?: unknown; email?: unknown };
      return {
        id: typeof info.sub === "string" ? info.sub : null,
        name: typeof info.email === "string" ? info.email : null,
      };
    },
  });
}
