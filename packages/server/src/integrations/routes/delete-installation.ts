import { integrationContracts, PlugboardError } from "@plugboard/core";
import { implement } from "../../http/route";
import { revokeAtProvider } from "../oauth/tokens";
import { mayUninstall, visibleTo } from "./present";
import { deleteWebhookInstallationEndpoint } from "./webhook-installation";

/**
 * Disconnects: lets each feature end its work with the provider (Google Calendar stops its watch
 * channels and deletes its sync), revokes the grant where it can, then deletes links, the endpoint
 * a webhook-based integration delivers through, and the secrets.
 * Admins may remove any installation; members their own user-level ones.
 */
export const deleteInstallation = implement(integrationContracts.uninstall, {
  async handle({ params, identity, context }) {
    const record = await context.store.installations.get(
      identity.organizationId,
      params.installationId,
    );
    if (!record || record.provider !== params.provider || !visibleTo(identity, record)) {
      throw new PlugboardError({ code: "not_found", detail: "No such installation" });
    }
    if (!mayUninstall(identity, record)) {
      throw new PlugboardError({
        code: "forbidden",
        detail:
          "Only admins can uninstall an integration installed for the organization or another user",
      });
    }
    // Features stop what runs at the provider first (a calendar's watch channels), while the
    // token still works; then the grant is revoked; the secret goes with the row.
    await context.beforeUninstall(record);
    await revokeAtProvider(context, record);
    await deleteWebhookInstallationEndpoint(context, record);
    await context.store.github.deleteLinksOfInstallation(identity.organizationId, record.id);
    await context.store.installations.delete(identity.organizationId, record.id);
  },
});
