export const webhookVerificationErrorCodes = [
  /** A `webhook-*` header is absent, or `webhook-timestamp` is not unix seconds. */
  "missing_headers",
  "timestamp_too_old",
  "timestamp_in_future",
  /** No `v1` signature in the header matches any of the secrets. */
  "invalid_signature",
  /** The signature matched but the body is not a webhook payload (not UTF-8, not JSON, wrong shape). */
  "invalid_payload",
] as const;

export type WebhookVerificationErrorCode = (typeof webhookVerificationErrorCodes)[number];

/** Why a received webhook was refused. A receiver answers all of them with a 4xx and drops the message. */
export class WebhookVerificationError extends Error {
  override readonly name = "WebhookVerificationError";
  readonly code: WebhookVerificationErrorCode;

  constructor(code: WebhookVerificationErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
