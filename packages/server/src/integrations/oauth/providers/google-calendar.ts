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
  baseUrls?: { accounts?: string; oauth2?: string; openId?: string; calendar?: string };
  /** The two-way calendar sync (see the google-calendar feature). */
  sync?: GoogleCalendarSyncOptions;
}

export interface GoogleCalendarSyncOptions {
  /**
   * The public HTTPS URL at which Google reaches `{basePath}/providers/google-calendar/notifications`.
   * Without it no watch channel is opened and the scheduled poll finds changes (local development).
   * A function is asked each time a channel opens (an app that learns its origin once it listens).
   */
  notificationsUrl?: string | (() => string | undefined);
  /** How often every sync polls for changes, push or not. Default 5 minutes. */
  pollEveryMs?: number;
  /** How long a watch channel is asked to live. Default 7 days (Google's most). */
  channelTtlMs?: number;
  /** Channels expiring within this are renewed by the hourly schedule. Default 1 day. */
  renewBeforeMs?: number;
  /** First backoff after a 429 / 403 rateLimitExceeded; doubles each time. Default 500 ms. */
  backoffBaseMs?: number;
  /** Quota answers retried per call before the job itself is retried. Default 6. */
  maxQuotaRetries?: number;
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
