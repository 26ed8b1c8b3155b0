import { PlugboardError } from "@plugboard/core";
import { noContent } from "../../http/responses";
import { defineRoute } from "../../http/route";

/** Deletes the endpoint with its queued messages and attempt log. */
export const deleteWebhookEndpoint = defineRoute({
  method: "DELETE",
  path: "/webhooks/endpoints/:endpointId",
  role: "admin",
  async handle({ params, identity, context }) {
    const deleted = await context.store.webhooks.deleteEndpoint(
      identity.organizationId,
      params.endpointId ?? "",
    );
    if (!deleted)
      throw new PlugboardError({ code: "not_found", detail: "No such webhook endpoint" });
    return noContent();
  },
});
