import { createId, PlugboardError, webhookContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { presentAttempt } from "../present";
import type { WebhookMessageRecord } from "../store/types";
import { findEndpoint } from "./access";

/**
 * Sends a `webhook.test` message now and answers its attempt. It is logged like any message but
 * never retried. A disabled endpoint gets nothing, tests included: disabled means nothing is
 * sent there (enable it, then test it).
 */
export const sendWebhookTest = implement(webhookContracts.sendTest, {
  async handle({ params, identity, context }) {
    const endpoint = await findEndpoint(context, identity, params.endpointId);
    if (!endpoint.enabled) {
      throw new PlugboardError({
        code: "conflict",
        detail: "This endpoint is disabled: enable it to send it a test",
      });
    }
    const now = context.now();
    const message: WebhookMessageRecord = {
      id: createId("msg"),
      organizationId: endpoint.organizationId,
      endpointId: endpoint.id,
      eventId: createId("evt"),
      eventType: "webhook.test",
      body: JSON.stringify({
        type: "webhook.test",
        timestamp: new Date(now).toISOString(),
        data: { endpointId: endpoint.id, sentBy: identity.userId },
      }),
      status: "pending",
      attemptCount: 0,
      // Not due: the dispatcher leaves it alone while this request sends it.
      nextAttemptAt: null,
      lastAttemptAt: null,
      trigger: "test",
      leaseOwner: null,
      leaseUntil: null,
      createdAt: now,
    };
    await context.store.webhooks.insertMessage(message);
    const attempt = await context.webhooks.deliver(endpoint, message, null);
    return presentAttempt(attempt);
  },
});
