import { z } from "zod";
import { timestampSchema } from "./common";
import { providerIdSchema } from "./integrations";

/** A provider user (a Slack member, a Google account) linked to a host user in one organization. */
export const accountLinkSchema = z.object({
  id: z.string(),
  provider: providerIdSchema,
  organizationId: z.string(),
  /** The host user actions from that provider account run as. */
  userId: z.string(),
  /** The provider's id of the user (Slack `U…`), and the workspace it belongs to. */
  externalUserId: z.string(),
  externalAccountId: z.string().nullable(),
  externalUserName: z.string().nullable(),
  createdAt: timestampSchema,
});
export type AccountLink = z.infer<typeof accountLinkSchema>;

export const accountLinkListSchema = z.object({ data: z.array(accountLinkSchema) });
export type AccountLinkList = z.infer<typeof accountLinkListSchema>;

/** `GET /account-links?scope=organization`: admins see every link of the organization. */
export const accountLinkQuerySchema = z.object({
  scope: z.enum(["mine", "organization"]).default("mine"),
});
