import {
  createdWebhookEndpointSchema,
  createWebhookEndpointSchema,
  recoveredWebhookMessagesSchema,
  recoverWebhookMessagesSchema,
  resendWebhookMessageSchema,
  rotatedWebhookSecretSchema,
  rotateWebhookSecretSchema,
  updateWebhookEndpointSchema,
  webhookAttemptListSchema,
  webhookAttemptQuerySchema,
  webhookAttemptSchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookMessageListSchema,
  webhookMessageQuerySchema,
  webhookMessageSchema,
} from "../schemas/webhooks";
import { defineContract } from "./contract";

const endpoint = "/webhooks/endpoints/:endpointId";

/** Outgoing webhooks: endpoints, their secrets, the delivery log. Members read, admins change. */
export const webhookContracts = {
  /** The organization's endpoints, oldest first; secrets only as hints. */
  list: defineContract({
    method: "GET",
    path: "/webhooks/endpoints",
    response: webhookEndpointListSchema,
  }),
  /** The answer carries the signing secret: the only time it is sent in full. */
  create: defineContract({
    method: "POST",
    path: "/webhooks/endpoints",
    role: "admin",
    body: createWebhookEndpointSchema,
    response: createdWebhookEndpointSchema,
    status: 201,
  }),
  get: defineContract({ method: "GET", path: endpoint, response: webhookEndpointSchema }),
  /** `{ enabled: false }` disables it; `{ enabled: true }` re-enables it. */
  update: defineContract({
    method: "PATCH",
    path: endpoint,
    role: "admin",
    body: updateWebhookEndpointSchema,
    response: webhookEndpointSchema,
  }),
  /** Deletes the endpoint with its queued messages and attempt log. */
  remove: defineContract({ method: "DELETE", path: endpoint, role: "admin" }),
  /** A new secret, shown once; the old one keeps signing for the grace period. */
  rotateSecret: defineContract({
    method: "POST",
    path: `${endpoint}/rotate-secret`,
    role: "admin",
    body: rotateWebhookSecretSchema,
    response: rotatedWebhookSecretSchema,
  }),
  /** Sends a `webhook.test` message now and answers its attempt. */
  sendTest: defineContract({
    method: "POST",
    path: `${endpoint}/test`,
    role: "admin",
    response: webhookAttemptSchema,
  }),
  /** Newest first, a page at a time; `nextCursor` as `before` for the older ones. */
  listMessages: defineContract({
    method: "GET",
    path: `${endpoint}/messages`,
    query: webhookMessageQuerySchema,
    response: webhookMessageListSchema,
  }),
  /** Paged like the messages; `messageId` for one message's attempts. */
  listAttempts: defineContract({
    method: "GET",
    path: `${endpoint}/attempts`,
    query: webhookAttemptQuerySchema,
    response: webhookAttemptListSchema,
  }),
  /** Queues one message again now, with its original `webhook-id`. */
  resend: defineContract({
    method: "POST",
    path: `${endpoint}/resend`,
    role: "admin",
    body: resendWebhookMessageSchema,
    response: webhookMessageSchema,
    status: 202,
  }),
  /** Queues again every failed message created in [since, until or now). */
  recover: defineContract({
    method: "POST",
    path: `${endpoint}/recover`,
    role: "admin",
    body: recoverWebhookMessagesSchema,
    response: recoveredWebhookMessagesSchema,
    status: 202,
  }),
};
