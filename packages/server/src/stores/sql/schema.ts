import type { AccountLinkIntentsTable, AccountLinksTable } from "../../account-links/store/schema";
import type { ApiKeysTable, ApiKeyUsageTable, RateLimitsTable } from "../../api-keys/store/schema";
import type {
  GitHubDeliveriesTable,
  GitHubLinksTable,
  GitHubReferencesTable,
} from "../../github/store/schema";
import type {
  CalendarEventLinksTable,
  CalendarSyncsTable,
} from "../../google-calendar/store/schema";
import type { InstallationsTable, OAuthStatesTable } from "../../integrations/store/schema";
import type {
  JiraImportItemsTable,
  JiraImportRowsTable,
  JiraImportRunsTable,
  JiraImportSourcesTable,
} from "../../jira-import/store/schema";
import type {
  SlackChannelsTable,
  SlackDeliveriesTable,
  SlackInboundTable,
  SlackIssueMessagesTable,
} from "../../slack/store/schema";
import type {
  SsoAssertionsTable,
  SsoConnectionsTable,
  SsoDomainsTable,
  SsoLoginAttemptsTable,
  SsoPoliciesTable,
  SsoRequestsTable,
} from "../../sso/store/schema";
import type {
  WebhookAttemptsTable,
  WebhookEndpointsTable,
  WebhookEventsTable,
  WebhookMessagesTable,
} from "../../webhooks/store/schema";

/**
 * Every table, for Kysely's types. Names carry a `plugboard_` prefix so Plugboard's tables can
 * live in the host app's own database; each feature declares its tables in its `store/schema.ts`.
 */
export interface Database {
  plugboard_account_links: AccountLinksTable;
  plugboard_account_link_intents: AccountLinkIntentsTable;
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
  plugboard_sso_connections: SsoConnectionsTable;
  plugboard_sso_domains: SsoDomainsTable;
  plugboard_sso_policies: SsoPoliciesTable;
  plugboard_sso_login_attempts: SsoLoginAttemptsTable;
  plugboard_sso_requests: SsoRequestsTable;
  plugboard_sso_assertions: SsoAssertionsTable;
  plugboard_jira_import_sources: JiraImportSourcesTable;
  plugboard_jira_import_rows: JiraImportRowsTable;
  plugboard_jira_import_runs: JiraImportRunsTable;
  plugboard_jira_import_items: JiraImportItemsTable;
  plugboard_slack_channels: SlackChannelsTable;
  plugboard_slack_issue_messages: SlackIssueMessagesTable;
  plugboard_slack_inbound: SlackInboundTable;
  plugboard_slack_deliveries: SlackDeliveriesTable;
  plugboard_calendar_syncs: CalendarSyncsTable;
  plugboard_calendar_event_links: CalendarEventLinksTable;
}
