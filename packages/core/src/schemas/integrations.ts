import { z } from "zod";
import { timestampSchema } from "./common";

export const integrationCategorySchema = z.enum([
  "source-control",
  "communication",
  "calendar",
  "import",
]);
export type IntegrationCategory = z.infer<typeof integrationCategorySchema>;

/** Where an installation applies: the whole organization, one project, or one user's account. */
export const installationLevelSchema = z.enum(["organization", "project", "user"]);
export type InstallationLevel = z.infer<typeof installationLevelSchema>;

/** How an integration is connected: an OAuth popup, a pasted incoming-webhook URL, or an importer. */
export const integrationAuthSchema = z.enum(["oauth", "webhook", "import"]);
export type IntegrationAuth = z.infer<typeof integrationAuthSchema>;

export const providerIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, "Provider ids are lowercase letters, digits and dashes");

export const catalogEntrySchema = z.object({
  id: providerIdSchema,
  name: z.string(),
  category: integrationCategorySchema,
  auth: integrationAuthSchema,
  levels: z.array(installationLevelSchema).min(1),
  description: z.object({
    /** Shown while not installed: what connecting it gives you. */
    available: z.string(),
    /** Shown once installed: what it is doing for you. */
    installed: z.string(),
  }),
  /** An image URL; the built-in entries use self-contained SVG data URIs so they work offline. */
  logo: z.string(),
  featured: z.boolean(),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** `error`: needs a reconnect (a dead token); `disconnected`: the app was removed on the provider's side. */
export const installationStatusSchema = z.enum(["active", "error", "disconnected"]);
export type InstallationStatus = z.infer<typeof installationStatusSchema>;

export const installationSchema = z.object({
  id: z.string(),
  provider: providerIdSchema,
  organizationId: z.string(),
  projectId: z.string().nullable(),
  level: installationLevelSchema,
  status: installationStatusSchema,
  /** The account on the provider's side (a GitHub org, a Slack workspace), when known. */
  externalAccountName: z.string().nullable(),
  scopes: z.array(z.string()),
  installedBy: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Installation = z.infer<typeof installationSchema>;

/**
 * What the caller may do with an entry, so a UI can explain instead of failing: organization and
 * project installs (and every uninstall) need an admin; anyone may connect their own account.
 */
export const integrationPermissionsSchema = z.object({
  install: z.boolean(),
  uninstall: z.boolean(),
});
export type IntegrationPermissions = z.infer<typeof integrationPermissionsSchema>;

/** A catalog entry as the caller's organization sees it. */
export const integrationSchema = catalogEntrySchema.extend({
  /**
   * Whether this deployment can install it at all: an OAuth integration whose app the host
   * configured (`providers`), a webhook-based one. False: the card offers nothing to click.
   */
  available: z.boolean(),
  installed: z.boolean(),
  installations: z.array(installationSchema),
  permissions: integrationPermissionsSchema,
});
export type Integration = z.infer<typeof integrationSchema>;

export const integrationListSchema = z.object({ data: z.array(integrationSchema) });
export type IntegrationList = z.infer<typeof integrationListSchema>;

/**
 * Installs a webhook-based integration (Pumble): the incoming-webhook URL is a secret, kept
 * encrypted by the server and never returned.
 */
export const installWebhookIntegrationSchema = z.object({
  webhookUrl: z.url({ protocol: /^https$/, error: "Must be an https:// URL" }),
  projectId: z.string().min(1).nullable().optional(),
});
export type InstallWebhookIntegrationInput = z.infer<typeof installWebhookIntegrationSchema>;
