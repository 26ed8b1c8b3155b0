import type {
  CreateWebhookEndpointInput,
  RecoverWebhookMessagesInput,
  RotateWebhookSecretInput,
  UpdateWebhookEndpointInput,
  WebhookAttemptQuery,
  WebhookMessageQuery,
} from "@plugboard/core";
import { webhookRoutes as routes } from "@plugboard/core/routes";
import type { Call } from "../call";
import type { CallOptions } from "../transport";

export function webhooksResource(call: Call) {
  return {
    /** The organization's endpoints, oldest first; secrets only as hints. */
    list: (options: CallOptions = {}) => call(routes.list, {}, options),
    get: (id: string, options: CallOptions = {}) =>
      call(routes.get, { params: { endpointId: id } }, options),
    /** Admins only. The answer carries the signing secret: the only time it is sent in full. */
    create: (input: CreateWebhookEndpointInput, options: CallOptions = {}) =>
      call(routes.create, { body: input }, options),
    /** Admins only. `{ enabled: false }` disables it; `{ enabled: true }` re-enables it. */
    update: (id: string, input: UpdateWebhookEndpointInput, options: CallOptions = {}) =>
      call(routes.update, { params: { endpointId: id }, body: input }, options),
    remove: (id: string, options: CallOptions = {}) =>
      call(routes.remove, { params: { endpointId: id } }, options),
    /** Admins only. A new secret, shown once; the old one keeps signing for the grace period. */
    rotateSecret: (id: string, input: RotateWebhookSecretInput = {}, options: CallOptions = {}) =>
      call(routes.rotateSecret, { params: { endpointId: id }, body: input }, options),
    /** Admins only. Sends a `webhook.test` message now and answers its attempt. */
    sendTest: (id: string, options: CallOptions = {}) =>
      call(routes.sendTest, { params: { endpointId: id } }, options),
    /**
     * Newest first, `limit` at a time (default 50). Pass the answer's `nextCursor` as `before` for
     * the older ones; it is null on the last page.
     */
    listMessages: (id: string, query: WebhookMessageQuery = {}, options: CallOptions = {}) =>
      call(routes.listMessages, { params: { endpointId: id }, query }, options),
    /** Newest first, paged like `listMessages`; pass `messageId` for one message's attempts. */
    listAttempts: (id: string, query: WebhookAttemptQuery = {}, options: CallOptions = {}) =>
      call(routes.listAttempts, { params: { endpointId: id }, query }, options),
    /** Admins only. Queues the message again now, with the same `webhook-id`. */
    resend: (id: string, messageId: string, options: CallOptions = {}) =>
      call(routes.resend, { params: { endpointId: id }, body: { messageId } }, options),
    /** Admins only. Queues again every failed message created since `since` (until `until`). */
    recover: (id: string, input: RecoverWebhookMessagesInput, options: CallOptions = {}) =>
      call(routes.recover, { params: { endpointId: id }, body: input }, options),
  };
}
