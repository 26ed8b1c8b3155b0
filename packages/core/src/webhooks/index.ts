export {
  type WebhookEventDefinition,
  type WebhookEventResource,
  type WebhookEventType,
  webhookEvents,
  webhookEventsByResource,
} from "./events";
export {
  type VerifySlackSignatureOptions,
  verifyGitHubSignature,
  verifySlackSignature,
} from "./incoming-signatures";
export { type WebhookPayload, webhookPayloadSchema } from "./payload";
export { generateWebhookSecret } from "./secret";
export {
  signWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookHeaders,
  type WebhookMessage,
  webhookHeaderNames,
} from "./standard-webhooks";
export {
  WebhookVerificationError,
  type WebhookVerificationErrorCode,
  webhookVerificationErrorCodes,
} from "./verification-error";
