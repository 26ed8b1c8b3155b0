import { PlugboardError, webhookContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { presentMessage } from "../present";
import { assertEnabled, findEndpoint } from "./access";

/** Queues one message again now, with its original `webhook-id` and a fresh retry schedule. */
export const resendWebhookMessage = implement(webhookContracts.resend, {
  async handle({ params, body, identity, context }) {
    const endpoint = await findEndpoint(context, identity, params.endpointId);
    assertEnabled(endpoint);
    const message = await context.store.webhooks.requeueMessage(
      endpoint.organizationId,
      endpoint.id,
      body.messageId,
      context.now(),
    );
    if (!message) {
      throw new PlugboardError({
        code: "not_found",
        detail: "No such message for this endpoint",
        errors: [{ path: "messageId", message: "No such message for this endpoint" }],
      });
    }
    context.webhooks.dispatcher.notify();
    return presentMessage(message);
  },
});
