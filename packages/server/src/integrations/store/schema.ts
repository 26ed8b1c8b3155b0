/** Table names carry a prefix so Plugboard's tables can live in the host app's own database. */
export interface InstallationsTable {
  id: string;
  provider: string;
  organization_id: string;
  project_id: string | null;
  level: string;
  status: string;
  external_account_name: string | null;
  external_account_id: string | null;
  /** Slack Enterprise Grid's enterprise id (migration 0014). */
  external_enterprise_id: string | null;
  /** JSON array of strings. */
  scopes: string;
  installed_by: string;
  secret: string | null;
  /** See `installationPlace`: unique per organization and provider. */
  place: string;
  /** Epoch ms. PostgreSQL's bigint arrives as a string, so readers convert. */
  created_at: number | string;
  updated_at: number | string;
}

export interface OAuthStatesTable {
  id: string;
  provider: string;
  organization_id: string;
  user_id: string;
  project_id: string | null;
  level: string;
  return_origin: string;
  redirect_uri: string;
  code_verifier: string | null;
  created_at: number | string;
  expires_at: number | string;
}
