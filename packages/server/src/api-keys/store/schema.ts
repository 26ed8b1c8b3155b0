/** Epoch ms columns are `bigint`: PostgreSQL hands them back as strings, so readers convert. */
type Millis = number | string;

export interface ApiKeysTable {
  id: string;
  organization_id: string;
  project_id: string | null;
  created_by: string;
  name: string;
  env: string;
  display_prefix: string;
  /** Hex SHA-256 of the key; the key itself is never stored. */
  lookup_hash: string;
  /** JSON array of scopes. */
  scopes: string;
  rate_limit_per_minute: number | null;
  expires_at: Millis | null;
  revoked_at: Millis | null;
  disabled_at: Millis | null;
  rotated_from_id: string | null;
  last_used_at: Millis | null;
  usage_count: Millis;
  created_at: Millis;
  updated_at: Millis;
}

export interface ApiKeyUsageTable {
  id: string;
  key_id: string;
  organization_id: string;
  at: Millis;
  method: string;
  path: string;
  status: number;
  latency_ms: number;
  user_agent: string | null;
  ip: string | null;
}

export interface RateLimitsTable {
  bucket: string;
  window_start: Millis;
  count: Millis;
}
