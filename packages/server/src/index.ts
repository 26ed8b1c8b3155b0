export type { PlugboardApiKeys } from "./api-keys/api";
export type { ApiKeyGuardOptions, ApiKeyHandler } from "./api-keys/guard";
export type { ApiKeysOptions } from "./api-keys/options";
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
export type {
  CreateIssueInput,
  HostActor,
  HostCall,
  HostCapability,
  HostPort,
  IssueChanges,
  IssueSearch,
} from "./host/port";
export { consoleLogger, type Logger } from "./logger";
export type {
  GitHubProviderOptions,
  GitHubStatusOptions,
  OAuthOptions,
  ProvidersOptions,
} from "./oauth/options";
export { type OAuthTokensInput, sealOAuthTokens } from "./oauth/tokens";
export type { GenericOAuthOptions, OAuthClientOptions } from "./oauth/types";
export { createPlugboard, type Plugboard, type PlugboardOptions } from "./plugboard";
export type {
  IssueHooks,
  IssueReferenceEvent,
  IssueStatusChangeEvent,
} from "./providers/github/hooks";
export type {
  ApiKeyChanges,
  ApiKeyRecord,
  ApiKeyStore,
  ApiKeyUsageRecord,
  RateLimiter,
  RateLimitResult,
} from "./stores/api-key-types";
export { memoryStore } from "./stores/memory/memory-store";
export type {
  GitHubReferenceRecord,
  GitHubStore,
  OAuthStateRecord,
  OAuthStateStore,
  RepositoryLinkRecord,
} from "./stores/oauth-types";
export type { InstallationRecord, InstallationStore, Store } from "./stores/types";
export type {
  WebhookAttemptRecord,
  WebhookEndpointRecord,
  WebhookMessageRecord,
  WebhookStore,
} from "./stores/webhook-types";
export type { Dispatcher, DispatchRound } from "./webhooks/dispatcher";
export type { DispatcherOptions, WebhooksOptions } from "./webhooks/options";
export type { PublishEventInput, PublishEventResult } from "./webhooks/publish";
export type { ResolveHost } from "./webhooks/url-guard";
