import { webhookPaths as paths } from "../routes/webhooks";
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

/** Outgoing webhooks: endpoints, their secrets, the delivery log. Members read, admins change. */
export const webhookContracts = {
  /** The organization's endpoints, oldest first; secrets only as hints. */
  list: defineContract({
    ...paths.list,
    response: webhookEndpointListSchema,
  }),
  /** The answer carries the signing secret: the only time it is sent in full. */
  create: defineContract({
    ...paths.create,
    role: "admin",
    body: createWebhookEndpointSchema,
    response: createdWebhookEndpointSchema,
    status: 201,
  }),
  get: defineContract({ ...paths.get, response: webhookEndpointSchema }),
  /** `{ enabled: false }` disables it; `{ enabled: true }` re-enables it. */
  update: defineContract({
    ...paths.update,
    role: "admin",
    body: updateWebhookEndpointSchema,
    response: webhookEndpointSchema,
  }),
  /** Deletes the endpoint with its queued messages and attempt log. */
  remove: defineContract({ ...paths.remove, role: "admin" }),
  /** A new secret, shown once; the old one keeps signing for the grace period. */
  rotateSecret: defineContract({
    ...paths.rotateSecret,
    role: "admin",
    body: rotateWebhookSecretSchema,
    response: rotatedWebhookSecretSchema,
  }),
  /** Sends a `webhook.test` message now and answers its attempt. */
  sendTest: defineContract({
    ...paths.sendTest,
    role: "admin",
    response: webhookAttemptSchema,
  }),
  /** Newest first, a page at a time; `nextCursor` as `before` for the older ones. */
  listMessages: defineContract({
    ...paths.listMessages,
    query: webhookMessageQuerySchema,
    response: webhookMessageListSchema,
  }),
  /** Paged like the messages; `messageId` for one message's attempts. */
  listAttempts: defineContract({
    ...paths.listAttempts,
    query: webhookAttemptQuerySchema,
    response: webhookAttemptListSchema,
  }),
  /** Queues one message again now, with its original `webhook-id`. */
  resend: defineContract({
    ...paths.resend,
    role: "admin",
    body: resendWebhookMessageSchema,
    response: webhookMessageSchema,
    status: 202,
  }),
  /** Queues again every failed message created in [since, until or now). */
  recover: defineContract({
    ...paths.recover,
    role: "admin",
    body: recoverWebhookMessagesSchema,
    response: recoveredWebhookMessagesSchema,
    status: 202,
  }),
};
