export type { PlugboardApiKeys } from "./api-keys/api";
export type { ApiKeyGuardOptions, ApiKeyHandler } from "./api-keys/guard";
export type { ApiKeysOptions } from "./api-keys/options";
export type {
  ApiKeyChanges,
  ApiKeyRecord,
  ApiKeyStore,
  ApiKeyUsageRecord,
  RateLimiter,
  RateLimitResult,
} from "./api-keys/store/types";
export {
  type ApiKeyUsage,
  type ApiKeyVerification,
  readPresentedKey,
  type VerifiedApiKey,
  type VerifyOptions,
} from "./api-keys/verifier";
export type { Authenticate, PlugboardContext } from "./context";
export {
  createKeyring,
  generateEncryptionKey,
  type Keyring,
  type KeyringOptions,
} from "./crypto/keyring";
export type { IssueReferenceEvent, IssueStatusReason } from "./github/hooks";
export type {
  GitHubReferenceRecord,
  GitHubStore,
  RepositoryLinkRecord,
} from "./github/store/types";
export type {
  CalendarEventLink,
  CalendarSyncRecord,
  GoogleCalendarStore,
} from "./google-calendar/store/types";
export type {
  CreateCommentInput,
  CreateIssueInput,
  DueIssuesPage,
  DueIssuesQuery,
  HostActor,
  HostCall,
  HostCapability,
  HostPort,
  IssueChanges,
  IssueSearch,
  UploadAttachmentInput,
} from "./host/port";
export type {
  GitHubProviderOptions,
  GitHubStatusOptions,
  OAuthOptions,
  ProvidersOptions,
  SlackProviderOptions,
} from "./integrations/oauth/options";
export type {
  GoogleCalendarOAuthOptions,
  GoogleCalendarSyncOptions,
} from "./integrations/oauth/providers/google-calendar";
export { type OAuthTokensInput, sealOAuthTokens } from "./integrations/oauth/tokens";
export type { GenericOAuthOptions, OAuthClientOptions } from "./integrations/oauth/types";
export type { OAuthStateRecord, OAuthStateStore } from "./integrations/store/oauth-state-types";
export type { InstallationRecord, InstallationStore } from "./integrations/store/types";
export type { JiraImportOptions } from "./jira-import/options";
export {
  defineJob,
  type EnqueueOptions,
  type JobHandler,
  type JobRun,
  type JobType,
  type ScheduleDefinition,
} from "./jobs/define";
export type { JobsOptions } from "./jobs/options";
export type {
  EnqueueResult,
  JobListQuery,
  JobRecord,
  JobState,
  JobStore,
  JsonValue,
  ScheduleRecord,
} from "./jobs/types";
export type { JobWorker, RunDueResult } from "./jobs/worker";
export { consoleLogger, type Logger } from "./logger";
export { createPlugboard, type Plugboard, type PlugboardOptions } from "./plugboard";
export type { CertificateExpiring, SsoLogin, SsoOptions } from "./sso/options";
export type { SsoPolicyDecision } from "./sso/policy";
export type {
  SsoConnectionRecord,
  SsoDomainRecord,
  SsoLoginAttemptRecord,
  SsoPendingRequestRecord,
  SsoPolicyRecord,
  SsoStore,
} from "./sso/store/types";
export { memoryStore } from "./stores/memory/memory-store";
export type { Store } from "./stores/types";
export type { Dispatcher, DispatchRound } from "./webhooks/dispatcher";
export type { DispatcherOptions, WebhooksOptions } from "./webhooks/options";
export type { PublishEventInput, PublishEventResult } from "./webhooks/publish";
export type {
  WebhookAttemptRecord,
  WebhookEndpointRecord,
  WebhookMessageRecord,
  WebhookStore,
} from "./webhooks/store/types";
export type { ResolveHost } from "./webhooks/url-guard";
