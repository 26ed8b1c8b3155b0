import type { OAuthClientOptions, OAuthProvider } from "../types";
import { providerFetch } from "./arctic-tokens";
import { oauth2Provider } from "./oauth2";

export interface GitHubOAuthOptions extends OAuthClientOptions {
  /** `https://github.com`, or a GitHub Enterprise Server (or the demo's fake) origin. */
  baseUrl?: string;
  /** `https://api.github.com`, or `{ghes}/api/v3`. */
  apiBaseUrl?: string;
}

/** repo: read repositories and their pull requests; read:org: list organization repositories. */
export const githubDefaultScopes = ["repo", "read:org"];

export function githubApiBaseUrl(options: GitHubOAuthOptions): string {
  return (options.apiBaseUrl ?? "https://api.github.com").replace(/\/+$/, "");
}

/** GitHub's REST conventions: versioned JSON media type and a User-Agent (GitHub rejects none). */
export function githubHeaders(accessToken?: string): Record<string, string> {
  return {
    accept: "application/vnd.github+json",
    "x-github-api-version": "2022-11-28",
    "user-agent": "plugboard",
    ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
  };
}

export function githubProvider(options: GitHubOAuthOptions, now: () => number): OAuthProvider {
  // Read on every use: the demo's fake GitHub learns its origin only once the server listens.
  const baseUrl = () => (options.baseUrl ?? "https://github.com").replace(/\/+$/, "");
  return oauth2Provider({
    id: "github",
    name: "GitHub",
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    get authorizationUrl() {
      return `${baseUrl()}/login/oauth/authorize`;
    },
    get tokenUrl() {
      return `${baseUrl()}/login/oauth/access_token`;
    },
    scopes: options.scopes ?? githubDefaultScopes,
    // GitHub accepts PKCE (S256) on its OAuth and GitHub App authorization flows.
    pkce: true,
    redirectUri: options.redirectUri ?? null,
    // GitHub App user tokens expire and refresh; OAuth app tokens simply come without expires_in.
    refreshable: true,
    now,
    async revoke(tokens) {
      // Deleting the grant revokes every token the user gave this app.
      await providerFetch(
        `${githubApiBaseUrl(options)}/applications/${encodeURIComponent(options.clientId)}/grant`,
        {
          method: "DELETE",
          headers: {
            ...githubHeaders(),
            authorization: `Basic ${btoa(`${options.clientId}:${options.clientSecret}`)}`,
            "content-type": "application/json",
          },
          body: JSON.stringify({ access_token: tokens.accessToken }),
        },
      );
    },
    async account(tokens) {
      const response = await providerFetch(`${githubApiBaseUrl(options)}/user`, {
        headers: githubHeaders(tokens.accessToken),
      });
      const user = (await response.json()) as { id?: unknown; login?: unknown };
      return {
        id: typeof user.id === "number" ? String(user.id) : null,
        name: typeof user.login === "string" ? user.login : null,
      };
    },
  });
}
