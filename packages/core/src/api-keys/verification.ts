/**
 * The closed set of outcomes of checking a presented key. `UNAVAILABLE` happens only when the
 * host chose `rateLimit: { onError: "deny" }` and the rate limiter failed.
 */
export const apiKeyVerificationCodes = [
  "VALID",
  "NOT_FOUND",
  "EXPIRED",
  "REVOKED",
  "DISABLED",
  "INSUFFICIENT_SCOPE",
  "RATE_LIMITED",
  "UNAVAILABLE",
] as const;

export type ApiKeyVerificationCode = (typeof apiKeyVerificationCodes)[number];
