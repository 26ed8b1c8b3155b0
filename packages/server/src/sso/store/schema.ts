export interface SsoConnectionsTable {
  id: string;
  organization_id: string;
  name: string;
  protocol: string;
  enabled: number;
  /** JSON: attribute mapping, group roles, and the protocol's settings (no secret). */
  config: string;
  client_secret: string | null;
  created_at: number | string;
  updated_at: number | string;
}

export interface SsoDomainsTable {
  id: string;
  organization_id: string;
  domain: string;
  token: string;
  token_expires_at: number | string;
  verified_at: number | string | null;
  /** The domain once verified, else null: its unique index gives a domain one owner. */
  verified_domain: string | null;
  created_at: number | string;
}

export interface SsoPoliciesTable {
  organization_id: string;
  require_sso: number;
  break_glass_emails: string;
  updated_at: number | string;
}

export interface SsoLoginAttemptsTable {
  id: string;
  organization_id: string;
  connection_id: string;
  at: number | string;
  outcome: string;
  reason: string | null;
  detail: string | null;
  email: string | null;
}

export interface SsoRequestsTable {
  id: string;
  connection_id: string;
  organization_id: string;
  browser_hash: string;
  return_to: string | null;
  test_origin: string | null;
  nonce: string | null;
  code_verifier: string | null;
  expires_at: number | string;
}

export interface SsoAssertionsTable {
  connection_id: string;
  assertion_id: string;
  expires_at: number | string;
}
