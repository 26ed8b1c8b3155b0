/** Epoch ms columns are `bigint`: PostgreSQL hands them back as strings, so readers convert. */
type Millis = number | string;

export interface WebhookEndpointsTable {
  id: string;
  organization_id: string;
  project_id: string | null;
  url: string;
  /** Keyring ciphertext of a chat destination's full URL (migration 0006). */
  secret_url: string | null;
  description: string;
  destination: string;
  event_mode: string;
  /** JSON array of event types. */
  events: string;
  /** 1 or 0: SQLite has no boolean. */
  enabled: number;
  disabled_reason: string | null;
  disabled_at: Millis | null;
  /** Keyring ciphertext bound to the endpoint id. */
  secret: string;
  secret_hint: string;
  previous_secret: string | null;
  previous_secret_expires_at: Millis | null;
  consecutive_failures: number;
  failing_since: Millis | null;
  last_delivery_status: string | null;
  last_delivery_at: Millis | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface WebhookEventsTable {
  id: string;
  organization_id: string;
  type: string;
  /** Unique per organization when set. */
  idempotency_key: string | null;
  created_at: Millis;
}

export interface WebhookMessagesTable {
  id: string;
  organization_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  body: string;
  status: string;
  attempt_count: number;
  next_attempt_at: Millis | null;
  last_attempt_at: Millis | null;
  trigger: string;
  lease_owner: string | null;
  lease_until: Millis | null;
  created_at: Millis;
}

export interface WebhookAttemptsTable {
  id: string;
  organization_id: string;
  message_id: string;
  endpoint_id: string;
  status: string;
  trigger: string;
  response_status: number | null;
  response_body: string | null;
  error: string | null;
  latency_ms: number;
  next_retry_at: Millis | null;
  created_at: Millis;
}
