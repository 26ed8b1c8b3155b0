import { z } from "zod";

/** Starts an OAuth install. Omit `projectId` for an organization-wide (or user) install. */
export const authorizeIntegrationSchema = z.object({
  projectId: z.string().min(1).nullable().optional(),
  level: z.enum(["organization", "project", "user"]).optional(),
});
export type AuthorizeIntegrationInput = z.infer<typeof authorizeIntegrationSchema>;

/** Where to send the popup: the provider's consent page, carrying a one-time `state`. */
export const authorizeIntegrationResultSchema = z.object({ url: z.url() });
export type AuthorizeIntegrationResult = z.infer<typeof authorizeIntegrationResultSchema>;

export const oauthMessageType = "plugboard:oauth";

/**
 * What the callback page posts to `window.opener` (with the host's exact origin as target).
 * `error` is a short code; `message` is a sentence fit to show the user.
 */
export const oauthMessageSchema = z.discriminatedUnion("status", [
  z.object({
    type: z.literal(oauthMessageType),
    status: z.literal("success"),
    provider: z.string(),
    integrationId: z.string(),
  }),
  z.object({
    type: z.literal(oauthMessageType),
    status: z.literal("error"),
    provider: z.string(),
    error: z.enum([
      "access_denied",
      "invalid_state",
      "expired_state",
      "user_mismatch",
      "provider_error",
      "conflict",
      "not_configured",
    ]),
    message: z.string(),
  }),
]);
export type OAuthMessage = z.infer<typeof oauthMessageSchema>;
export type OAuthErrorCode = Extract<OAuthMessage, { status: "error" }>["error"];
