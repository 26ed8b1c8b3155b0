import { PlugboardError } from "@plugboard/core";
import { noContent } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { revokeAtProvider } from "../../oauth/tokens";

/** Disconnects: revokes the grant at the provider where it can, then deletes links and secrets. */
export const deleteInstallation = defineRoute({
  method: "DELETE",
  path: "/integrations/:provider/installations/:installationId",
  role: "admin",
  async handle({ params, identity, context }) {
    const record = await context.store.installations.get(
      identity.organizationId,
      params.installationId ?? "",
    );
    if (!record || record.provider !== params.provider) {
      throw new PlugboardError({ code: "not_found", detail: "No such installation" });
    }
    // Revoke first, while the token is still readable; the secret goes with the row.
    await revokeAtProvider(context, record);
    await context.store.github.deleteLinksOfInstallation(identity.organizationId, record.id);
    await context.store.installations.delete(identity.organizationId, record.id);
    return noContent();
  },
});
