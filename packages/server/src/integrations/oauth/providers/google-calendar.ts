import type { OAuthClientOptions, OAuthProvider } from "../types";
import { providerFetch } from "./arctic-tokens";
import { oauth2Provider } from "./oauth2";

export const googleCalendarDefaultScopes = [
  "openid",
  "email",
  "https://www.googleapis.com/auth/calendar.events",
];

export interface GoogleCalendarOAuthOptions extends OAuthClientOptions {
  /**
   * Google's hosts, for a local Google simulator in demos and tests: the consent page
   * (accounts.google.com), the token and revocation endpoints (oauth2.googleapis.com) and
   * OpenID userinfo (openidconnect.googleapis.com).
   */
  baseUrls?: { accounts?: string; oauth2?: string; openId?: string };
}

export function googleCalendarProvider(
  options: GoogleCalendarOAuthOptions,
  now: () => number,
): OAuthProvider {
  const host = (url: string | undefined, fallback: string) => (url ?? fallback).replace(/\/+$/, "");
  const accounts = host(options.baseUrls?.accounts, "https://accounts.google.com");
  const oauth2 = host(options.baseUrls?.oauth2, "https://oauth2.googleapis.com");
  const openId = host(options.baseUrls?.openId, "https://openidconnect.googleapis.com");
  return oauth2Provider({
    id: "google-calendar",
    name: "Google Calendar",
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    authorizationUrl: `${accounts}/o/oauth2/v2/auth`,
    tokenUrl: `${oauth2}/token`,
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
      await providerFetch(`${oauth2}/revoke`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token: tokens.refreshToken ?? tokens.accessToken }),
      });
    },
    async account(tokens) {
      const response = await providerFetch(`${openId}/v1/userinfo`, {
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
