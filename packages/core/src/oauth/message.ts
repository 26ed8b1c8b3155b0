import type { OAuthMessage } from "../schemas/oauth";

export const oauthMessageType = "plugboard:oauth";

/** Why an install failed, as the callback page reports it. */
export const oauthErrorCodes = [
  "access_denied",
  "invalid_state",
  "expired_state",
  "user_mismatch",
  "provider_error",
  "conflict",
  "not_configured",
] as const;

/**
 * Whether a posted message is the callback page's: `oauthMessageSchema`'s check without zod, for
 * the popup's opener (which also checks the sender's origin and window).
 */
export function isOAuthMessage(data: unknown): data is OAuthMessage {
  if (typeof data !== "object" || data === null) return false;
  const message = data as Record<string, unknown>;
  if (message.type !== oauthMessageType || typeof message.provider !== "string") return false;
  if (message.status === "success") return typeof message.integrationId === "string";
  return (
    message.status === "error" &&
    (oauthErrorCodes as readonly unknown[]).includes(message.error) &&
    typeof message.message === "string"
  );
}
