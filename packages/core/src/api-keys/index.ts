export { type ApiKeyEnvironment, apiKeyEnvironmentSchema } from "./environments";
export {
  type ApiKeyFormatOptions,
  type ApiKeyParseResult,
  apiKeyLookupHash,
  apiKeyPattern,
  type GenerateApiKeyOptions,
  type GeneratedApiKey,
  generateApiKey,
  parseApiKey,
} from "./keys";
export { grantableScopes, ungrantableScopes } from "./role-scopes";
export {
  type ApiKeyResource,
  type ApiKeyScope,
  type ApiKeyScopeInfo,
  apiKeyScopes,
  hasScopes,
  missingScopes,
} from "./scopes";
export { type ApiKeyVerificationCode, apiKeyVerificationCodes } from "./verification";
