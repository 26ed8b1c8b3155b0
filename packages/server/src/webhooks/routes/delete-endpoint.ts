import { PlugboardError, webhookContracts } from "@plugboard/core";
import { implement } from "../../http/route";

/** Deletes the endpoint with its queued messages and attempt log. */
export const deleteWebhookEndpoint = implement(webhookContracts.remove, {
  async handle({ params, identity, context }) {
    const deleted = await context.store.webhooks.deleteEndpoint(
      identity.organizationId,
      params.endpointId,
    );
    if (!deleted)
      throw new PlugboardError({ code: "not_found", detail: "No such webhook endpoint" });
  },
});
