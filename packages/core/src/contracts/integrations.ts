import { integrationPaths as paths } from "../routes/integrations";
import {
  installationSchema,
  installWebhookIntegrationSchema,
  integrationListSchema,
  integrationSchema,
} from "../schemas/integrations";
import { authorizeIntegrationResultSchema, authorizeIntegrationSchema } from "../schemas/oauth";
import { defineContract } from "./contract";

/** The catalog, installations, and the start of an OAuth install (its callback is a page). */
export const integrationContracts = {
  /** The catalog with each entry's installed state for the caller's organization. */
  list: defineContract({ ...paths.list, response: integrationListSchema }),
  get: defineContract({
    ...paths.get,
    response: integrationSchema,
  }),
  /** Connects a webhook-based integration (Pumble) from its incoming-webhook URL. */
  installWebhook: defineContract({
    ...paths.installWebhook,
    role: "admin",
    body: installWebhookIntegrationSchema,
    response: installationSchema,
    status: 201,
  }),
  /** Admins remove any installation; members their own user-level ones. */
  uninstall: defineContract(paths.uninstall),
  /** The provider's consent URL with a one-time state; organization installs need an admin. */
  authorize: defineContract({
    ...paths.authorize,
    body: authorizeIntegrationSchema,
    response: authorizeIntegrationResultSchema,
  }),
};
