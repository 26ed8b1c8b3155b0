import type { ApiKeysTable, ApiKeyUsageTable, RateLimitsTable } from "../../api-keys/store/schema";
import type {
  WebhookAttemptsTable,
  WebhookEndpointsTable,
  WebhookEventsTable,
  WebhookMessagesTable,
} from "../../webhooks/store/schema";

/** Table names carry a prefix so Plugboard's tables can live in the host app's own database. */
export interface InstallationsTable {
  id: string;
  provider: string;
  organization_id: string;
  project_id: string | null;
  level: string;
  status: string;
  external_account_name: string | null;
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

export interface Database {
  plugboard_installations: InstallationsTable;
  plugboard_api_keys: ApiKeysTable;
  plugboard_api_key_usage: ApiKeyUsageTable;
  plugboard_rate_limits: RateLimitsTable;
  plugboard_oauth_states: OAuthStatesTable;
  plugboard_github_links: GitHubLinksTable;
  plugboard_github_references: GitHubReferencesTable;
  plugboard_github_deliveries: GitHubDeliveriesTable;
  plugboard_webhook_endpoints: WebhookEndpointsTable;
  plugboard_webhook_events: WebhookEventsTable;
  plugboard_webhook_messages: WebhookMessagesTable;
  plugboard_webhook_attempts: WebhookAttemptsTable;
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

export interface GitHubLinksTable {
  id: string;
  organization_id: string;
  project_id: string;
  installation_id: string;
  repository_id: number | string;
  repository_full_name: string;
  linked_by: string;
  created_at: number | string;
}

export interface GitHubReferencesTable {
  id: string;
  organization_id: string;
  project_id: string;
  issue_key: string;
  kind: string;
  repository_full_name: string;
  external_id: string;
  label: string;
  title: string;
  url: string;
  state: string;
  author: string | null;
  created_at: number | string;
  updated_at: number | string;
}

export interface GitHubDeliveriesTable {
  delivery_id: string;
  received_at: number | string;
}
