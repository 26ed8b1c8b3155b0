import { type WebhookEndpointList, webhookContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { healthWindowMs, presentEndpoint } from "../present";

/**
 * Every endpoint of the organization, oldest first, with health; secrets only as hints. Members
 * may read them too: `permissions` says whether the caller may also change them, so a UI shows
 * itself read-only up front instead of finding out from a refused write.
 */
export const listWebhookEndpoints = implement(webhookContracts.list, {
  async handle({ identity, context }) {
    const now = context.now();
    const [records, stats] = await Promise.all([
      context.store.webhooks.listEndpoints(identity.organizationId),
      context.store.webhooks.endpointStats(identity.organizationId, now - healthWindowMs),
    ]);
    const body: WebhookEndpointList = {
      data: records.map((record) => presentEndpoint(record, stats.get(record.id), now)),
      permissions: { manage: identity.role === "admin" },
    };
    return body;
  },
});
