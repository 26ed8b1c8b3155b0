import { OAuth2Client } from "arctic";
import type { GenericOAuthOptions, OAuthProvider } from "../types";
import { arcticCall } from "./arctic-tokens";
import { oauth2Provider } from "./oauth2";

/** A host-described OAuth 2 provider (any authorization-code server with RFC 7009 revocation). */
export function genericProvider(
  id: string,
  options: GenericOAuthOptions,
  fallbackName: string,
  now: () => number,
): OAuthProvider {
  const { revocationUrl, accountName } = options;
  return oauth2Provider({
    id,
    name: options.name ?? fallbackName,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    authorizationUrl: options.authorizationUrl,
    tokenUrl: options.tokenUrl,
    scopes: options.scopes,
    pkce: options.pkce ?? true,
    redirectUri: options.redirectUri ?? null,
    ...(options.authorizationParams ? { authorizationParams: options.authorizationParams } : {}),
    refreshable: true,
    now,
    ...(revocationUrl
      ? {
          revoke: (tokens) =>
            arcticCall(() =>
              new OAuth2Client(options.clientId, options.clientSecret, null).revokeToken(
                revocationUrl,
                tokens.refreshToken ?? tokens.accessToken,
              ),
            ),
        }
      : {}),
    account: async (tokens) => ({
      id: null,
      name: accountName ? await accountName(tokens.accessToken) : null,
    }),
  });
}
