export type {
  AccountLinksPart,
  AccountLinksProps,
} from "./account-links/account-links";
export { accountLinkKeys } from "./account-links/query-keys";
export type {
  ApiKeyUsagePart,
  ApiKeyUsageProps,
} from "./api-keys/api-key-usage";
export type {
  ApiKeysManagerPart,
  ApiKeysManagerProps,
} from "./api-keys/api-keys-manager";
export type { CopyApiKeyDialogProps } from "./api-keys/copy-api-key-dialog";
export type { ApiKeyProject, CreateApiKeyDialogProps } from "./api-keys/create-api-key-dialog";
export {
  CopyApiKeyDialog,
  CreateApiKeyDialog,
  RenameApiKeyDialog,
  RevokeApiKeyDialog,
  RotateApiKeyDialog,
} from "./api-keys/dialogs";
export { ApiKeyEnabledSwitch, type ApiKeyEnabledSwitchProps } from "./api-keys/enabled-switch";
export { apiKeyKeys } from "./api-keys/query-keys";
export type { RenameApiKeyDialogProps } from "./api-keys/rename-api-key-dialog";
export type { RevokeApiKeyDialogProps } from "./api-keys/revoke-api-key-dialog";
export type { RotateApiKeyDialogProps } from "./api-keys/rotate-api-key-dialog";
export { useApiKeyMutations, useApiKeys, useApiKeyUsage } from "./api-keys/use-api-keys";
export {
  AccountLinks,
  ApiKeysManager,
  ApiKeyUsage,
  GoogleCalendarSync,
  IntegrationCard,
  IntegrationGallery,
  JiraImport,
  LinkedRepositories,
  SlackChannelSettings,
  SsoSettings,
  WebhookManager,
} from "./components";
export type {
  LinkedRepositoriesPart,
  LinkedRepositoriesProps,
} from "./github/linked-repositories";
export { githubKeys } from "./github/query-keys";
export type {
  CalendarSyncProject,
  GoogleCalendarSyncProps,
} from "./google-calendar/google-calendar-sync";
export type {
  IntegrationCardPart,
  IntegrationCardProps,
} from "./integrations/integration-card";
export type {
  IntegrationGalleryPart,
  IntegrationGalleryProps,
} from "./integrations/integration-gallery";
export { integrationKeys } from "./integrations/query-keys";
export {
  type IntegrationPopupError,
  type IntegrationPopupErrorCode,
  type IntegrationPopupOptions,
  type IntegrationPopupState,
  useIntegrationPopup,
} from "./integrations/use-integration-popup";
export { useIntegrations } from "./integrations/use-integrations";
export type { JiraImportPart, JiraImportProps } from "./jira-import/jira-import";
export { jiraImportKeys } from "./jira-import/query-keys";
export {
  createPlugboardQueryClient,
  PlugboardProvider,
  type PlugboardProviderProps,
  type PlugboardTheme,
  usePlugboard,
  useStrings,
} from "./provider/plugboard-provider";
export {
  defaultStrings,
  type PlugboardStringOverrides,
  type PlugboardStrings,
} from "./provider/strings";
export { slackKeys } from "./slack/query-keys";
export type {
  SlackChannelSettingsPart,
  SlackChannelSettingsProps,
} from "./slack/slack-channel-settings";
export { ssoKeys } from "./sso/query-keys";
export type { SsoSettingsPart, SsoSettingsProps } from "./sso/sso-settings";
export {
  type SsoTestProfile,
  type SsoTestState,
  useSsoTestPopup,
} from "./sso/use-dry-run-popup";
export {
  useAddSsoDomain,
  useCreateSsoConnection,
  useDeleteSsoConnection,
  useRemoveSsoDomain,
  useSsoConnections,
  useSsoDomains,
  useSsoLoginAttempts,
  useSsoPolicy,
  useUpdateSsoConnection,
  useUpdateSsoPolicy,
  useVerifySsoDomain,
} from "./sso/use-sso";
export { webhookKeys } from "./webhooks/query-keys";
export {
  useCreateWebhookEndpoint,
  useDeleteWebhookEndpoint,
  useRecoverWebhookMessages,
  useResendWebhookMessage,
  useRotateWebhookSecret,
  useSendWebhookTest,
  useUpdateWebhookEndpoint,
  useWebhookAttempts,
  useWebhookEndpoints,
  useWebhookMessages,
} from "./webhooks/use-webhooks";
export type {
  WebhookManagerPart,
  WebhookManagerProps,
} from "./webhooks/webhook-manager";
