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
  list: defineContract({ method: "GET", path: "/integrations", response: integrationListSchema }),
  get: defineContract({
    method: "GET",
    path: "/integrations/:provider",
    response: integrationSchema,
  }),
  /** Connects a webhook-based integration (Pumble) from its incoming-webhook URL. */
  installWebhook: defineContract({
    method: "POST",
    path: "/integrations/:provider/installations",
    role: "admin",
    body: installWebhookIntegrationSchema,
    response: installationSchema,
    status: 201,
  }),
  /** Admins remove any installation; members their own user-level ones. */
  uninstall: defineContract({
    method: "DELETE",
    path: "/integrations/:provider/installations/:installationId",
  }),
  /** The provider's consent URL with a one-time state; organization installs need an admin. */
  authorize: defineContract({
    method: "POST",
    path: "/integrations/:provider/authorize",
    body: authorizeIntegrationSchema,
    response: authorizeIntegrationResultSchema,
  }),
};
