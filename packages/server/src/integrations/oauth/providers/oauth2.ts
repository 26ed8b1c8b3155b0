import { CodeChallengeMethod, OAuth2Client } from "arctic";
import type { ExternalAccount, OAuthProvider, TokenSet } from "../types";
import { arcticCall, toTokenSet } from "./arctic-tokens";

export interface OAuth2ProviderSpec {
  id: string;
  name: string;
  clientId: string;
  clientSecret: string;
  authorizationUrl: string;
  tokenUrl: string;
  scopes: string[];
  pkce: boolean;
  redirectUri: string | null;
  /** Slack wants commas between scopes; everyone else spaces. */
  scopeSeparator?: string;
  authorizationParams?: Record<string, string>;
  /** Whether refresh_token grants are supported. */
  refreshable: boolean;
  revoke?: (tokens: TokenSet) => Promise<void>;
  account: (tokens: TokenSet) => Promise<ExternalAccount>;
  now: () => number;
}

/** An OAuth 2 authorization-code provider on arctic's standard client (PKCE S256 when set). */
export function oauth2Provider(spec: OAuth2ProviderSpec): OAuthProvider {
  const client = (redirectUri: string | null) =>
    new OAuth2Client(spec.clientId, spec.clientSecret, redirectUri);
  const provider: OAuthProvider = {
    id: spec.id,
    name: spec.name,
    pkce: spec.pkce,
    scopes: spec.scopes,
    redirectUri: spec.redirectUri,
    authorizationUrl({ state, codeVerifier, redirectUri }) {
      const url =
        spec.pkce && codeVerifier
          ? client(redirectUri).createAuthorizationURLWithPKCE(
              spec.authorizationUrl,
              state,
              CodeChallengeMethod.S256,
              codeVerifier,
              spec.scopes,
            )
          : client(redirectUri).createAuthorizationURL(spec.authorizationUrl, state, spec.scopes);
      if (spec.scopeSeparator && spec.scopes.length > 0) {
        url.searchParams.set("scope", spec.scopes.join(spec.scopeSeparator));
      }
      for (const [name, value] of Object.entries(spec.authorizationParams ?? {})) {
        url.searchParams.set(name, value);
      }
      return url;
    },
    async exchangeCode(code, codeVerifier, redirectUri) {
      const tokens = await arcticCall(() =>
        client(redirectUri).validateAuthorizationCode(
          spec.tokenUrl,
          code,
          spec.pkce ? codeVerifier : null,
        ),
      );
      return toTokenSet(tokens, spec.now());
    },
    account: spec.account,
  };
  if (spec.refreshable) {
    provider.refresh = async (refreshToken) => {
      const tokens = await arcticCall(() =>
        client(null).refreshAccessToken(spec.tokenUrl, refreshToken, []),
      );
      const set = toTokenSet(tokens, spec.now());
      // Providers that do not rotate refresh tokens omit it from the answer: keep the old one.
      return { ...set, refreshToken: set.refreshToken ?? refreshToken };
    };
  }
  if (spec.revoke) provider.revoke = spec.revoke;
  return provider;
}
