import { z } from "zod";
import { oauthErrorCodes, oauthMessageType } from "../oauth/message";

/** Starts an OAuth install. Omit `projectId` for an organization-wide (or user) install. */
export const authorizeIntegrationSchema = z.object({
  projectId: z.string().min(1).nullable().optional(),
  level: z.enum(["organization", "project", "user"]).optional(),
});
export type AuthorizeIntegrationInput = z.infer<typeof authorizeIntegrationSchema>;

/** Where to send the popup: the provider's consent page, carrying a one-time `state`. */
export const authorizeIntegrationResultSchema = z.object({ url: z.url() });
export type AuthorizeIntegrationResult = z.infer<typeof authorizeIntegrationResultSchema>;

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
    error: z.enum(oauthErrorCodes),
    message: z.string(),
  }),
]);
export type OAuthMessage = z.infer<typeof oauthMessageSchema>;
export type OAuthErrorCode = Extract<OAuthMessage, { status: "error" }>["error"];
