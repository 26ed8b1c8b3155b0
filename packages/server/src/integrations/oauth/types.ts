/** What a token endpoint gave us, normalized across providers. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch ms; null when the token does not expire (GitHub OAuth apps). */
  expiresAt: number | null;
  /** What the user actually granted, when the provider says (it may be less than asked for). */
  scopes: string[] | null;
  /** The provider's account or workspace, when the token response names it (Slack). */
  account: ExternalAccount | null;
}

/**
 * The account on the provider's side: its stable id (GitHub account id, Slack team id — the
 * enterprise id for an org-wide Enterprise Grid install —, Google subject), by which inbound
 * traffic finds the installation, and its display name.
 */
export interface ExternalAccount {
  id: string | null;
  name: string | null;
  /** Slack Enterprise Grid: the enterprise the workspace belongs to (also for org-wide installs). */
  enterpriseId?: string | null;
}

export interface AuthorizationRequest {
  state: string;
  /** Present exactly when the provider uses PKCE. */
  codeVerifier: string | null;
  redirectUri: string;
}

/** One OAuth 2 provider, configured by the host. Built by the factories in ./providers. */
export interface OAuthProvider {
  id: string;
  /** Display name for messages on the callback page. */
  name: string;
  pkce: boolean;
  scopes: string[];
  /** A fixed redirect URI; otherwise derived from the request origin and the mount path. */
  redirectUri: string | null;
  authorizationUrl(request: AuthorizationRequest): URL;
  exchangeCode(code: string, codeVerifier: string | null, redirectUri: string): Promise<TokenSet>;
  /** Absent when the provider's tokens cannot be refreshed. */
  refresh?(refreshToken: string): Promise<TokenSet>;
  /** Absent when the provider offers no revocation. */
  revoke?(tokens: TokenSet): Promise<void>;
  /** The connected account (a GitHub user, a Google account), looked up with the tokens. */
  account(tokens: TokenSet): Promise<ExternalAccount>;
}

/** Host configuration shared by every provider. */
export interface OAuthClientOptions {
  clientId: string;
  clientSecret: string;
  /** Replaces the provider's default scopes. */
  scopes?: string[];
  /** Must match the one registered with the provider; default `{origin}{mount}/integrations/{id}/callback`. */
  redirectUri?: string;
}

/** A provider the host adds itself, described by its endpoints. */
export interface GenericOAuthOptions extends OAuthClientOptions {
  type: "oauth2";
  /** Shown on the callback page; defaults to the catalog entry's name. */
  name?: string;
  authorizationUrl: string;
  tokenUrl: string;
  /** RFC 7009 endpoint, if the provider has one. */
  revocationUrl?: string;
  /** Send PKCE S256. Default true (OAuth 2.1 makes it mandatory). */
  pkce?: boolean;
  scopes: string[];
  /** Extra query parameters for the consent URL (e.g. `{ prompt: "consent" }`). */
  authorizationParams?: Record<string, string>;
  /** Looks up the connected account's display name. */
  accountName?: (accessToken: string) => Promise<string | null>;
}

/** Raised when the provider refused or failed; `code` is the provider's OAuth error code. */
export class OAuthExchangeError extends Error {
  override readonly name = "OAuthExchangeError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
