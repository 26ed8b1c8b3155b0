import { type RecoveredWebhookMessages, webhookContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { assertEnabled, findEndpoint } from "./access";

/** After an outage: queues again every failed message created in [since, until or now). */
export const recoverWebhookMessages = implement(webhookContracts.recover, {
  async handle({ params, body, identity, context }) {
    const endpoint = await findEndpoint(context, identity, params.endpointId);
    assertEnabled(endpoint);
    const now = context.now();
    const recovered = await context.store.webhooks.requeueFailed(
      endpoint.organizationId,
      endpoint.id,
      Date.parse(body.since),
      body.until === undefined ? now + 1 : Date.parse(body.until),
      now,
    );
    if (recovered > 0) context.webhooks.dispatcher.notify();
    const result: RecoveredWebhookMessages = { recovered };
    return result;
  },
});
