import type { Role, SsoAttributeMapping, SsoProtocol } from "@plugboard/core";

/** Times are epoch milliseconds throughout. */
export interface SamlSettings {
  idpEntityId: string;
  ssoUrl: string;
  metadataUrl: string | null;
  /** PEM; two while the IdP rotates its signing key. */
  certificates: string[];
  allowIdpInitiated: boolean;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scopes: string[];
  allowUnverifiedEmail: boolean;
}

export interface SsoConnectionRecord {
  id: string;
  organizationId: string;
  name: string;
  protocol: SsoProtocol;
  enabled: boolean;
  attributeMapping: SsoAttributeMapping;
  groupRoles: Record<string, Role>;
  saml: SamlSettings | null;
  oidc: OidcSettings | null;
  /** The OIDC client secret, sealed by the keyring (bound to the connection id). */
  clientSecretCiphertext: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A domain an organization claims; it routes logins only once its TXT record was seen. */
export interface SsoDomainRecord {
  id: string;
  organizationId: string;
  domain: string;
  /** The value the TXT record must hold. Public by design (it is published in DNS). */
  token: string;
  tokenExpiresAt: number;
  verifiedAt: number | null;
  createdAt: number;
}

export interface SsoPolicyRecord {
  organizationId: string;
  requireSso: boolean;
  breakGlassEmails: string[];
  updatedAt: number;
}

export interface SsoLoginAttemptRecord {
  id: string;
  organizationId: string;
  connectionId: string;
  at: number;
  outcome: "succeeded" | "refused";
  reason: string | null;
  detail: string | null;
  email: string | null;
}

/**
 * A login we started: the SAML AuthnRequest id, or the SHA-256 of the OIDC state. It is bound
 * to the browser that started it (`browserHash`, the SHA-256 of a cookie) and used once.
 */
export interface SsoPendingRequestRecord {
  id: string;
  connectionId: string;
  organizationId: string;
  browserHash: string;
  returnTo: string | null;
  /** A Test connection run: the admin page's origin the result goes to; nobody is signed in. */
  testOrigin: string | null;
  /** OIDC only. */
  nonce: string | null;
  /** OIDC only: the PKCE verifier, sealed by the keyring. */
  codeVerifierCiphertext: string | null;
  expiresAt: number;
}

/** What the login's start decided: where to go after, or that it is a test run. */
export type StartedLogin = Pick<SsoPendingRequestRecord, "returnTo" | "testOrigin">;

export type VerifyDomainResult = "verified" | "taken" | "missing";

export interface SsoStore {
  createConnection(record: SsoConnectionRecord): Promise<void>;
  getConnection(organizationId: string, id: string): Promise<SsoConnectionRecord | null>;
  /** By id alone: the ACS and callback URLs carry no organization. */
  findConnection(id: string): Promise<SsoConnectionRecord | null>;
  /** Oldest first. */
  listConnections(organizationId: string): Promise<SsoConnectionRecord[]>;
  updateConnection(record: SsoConnectionRecord): Promise<boolean>;
  /** Every organization's SAML connections (the daily certificate-expiry check). */
  listSamlConnections(): Promise<SsoConnectionRecord[]>;
  deleteConnection(organizationId: string, id: string): Promise<boolean>;

  /** False when the organization already claims the domain. */
  addDomain(record: SsoDomainRecord): Promise<boolean>;
  listDomains(organizationId: string): Promise<SsoDomainRecord[]>;
  getDomain(organizationId: string, id: string): Promise<SsoDomainRecord | null>;
  renewDomainToken(
    organizationId: string,
    id: string,
    token: string,
    tokenExpiresAt: number,
  ): Promise<SsoDomainRecord | null>;
  /** `taken` when another organization verified the same domain first: one owner per domain. */
  verifyDomain(organizationId: string, id: string, at: number): Promise<VerifyDomainResult>;
  deleteDomain(organizationId: string, id: string): Promise<boolean>;
  findVerifiedDomain(domain: string): Promise<SsoDomainRecord | null>;

  getPolicy(organizationId: string): Promise<SsoPolicyRecord | null>;
  putPolicy(record: SsoPolicyRecord): Promise<void>;

  recordAttempt(record: SsoLoginAttemptRecord): Promise<void>;
  /** Newest first. */
  listAttempts(
    organizationId: string,
    options: { connectionId?: string; limit: number },
  ): Promise<SsoLoginAttemptRecord[]>;

  createRequest(record: SsoPendingRequestRecord): Promise<void>;
  /** Deletes and returns it in one step: a request is answered once, whoever races. */
  consumeRequest(id: string): Promise<SsoPendingRequestRecord | null>;

  /** Remembers an assertion id until `expiresAt`; false when it was already seen (a replay). */
  rememberAssertion(connectionId: string, assertionId: string, expiresAt: number): Promise<boolean>;
  /** Drops expired requests and remembered assertions. */
  deleteExpired(now: number): Promise<number>;
}
