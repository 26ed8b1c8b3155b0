import {
  type CreateWebhookEndpointInput,
  createdWebhookEndpointSchema,
  type RecoverWebhookMessagesInput,
  type RotateWebhookSecretInput,
  recoveredWebhookMessagesSchema,
  rotatedWebhookSecretSchema,
  type UpdateWebhookEndpointInput,
  type WebhookAttemptQuery,
  type WebhookMessageQuery,
  webhookAttemptListSchema,
  webhookAttemptSchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookMessageListSchema,
  webhookMessageSchema,
} from "@plugboard/core";
import type { CallOptions, Transport } from "../transport";

const base = "webhooks/endpoints";

function endpointPath(id: string, rest = ""): string {
  return `${base}/${encodeURIComponent(id)}${rest}`;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) search.set(name, String(value));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

export function webhooksResource(call: Transport) {
  return {
    /** The organization's endpoints, oldest first; secrets only as hints. */
    list: (options: CallOptions = {}) =>
      call({ method: "get", path: base, schema: webhookEndpointListSchema, ...options }),
    get: (id: string, options: CallOptions = {}) =>
      call({ method: "get", path: endpointPath(id), schema: webhookEndpointSchema, ...options }),
    /** Admins only. The answer carries the signing secret: the only time it is sent in full. */
    create: (input: CreateWebhookEndpointInput, options: CallOptions = {}) =>
      call({
        method: "post",
        path: base,
        json: input,
        schema: createdWebhookEndpointSchema,
        ...options,
      }),
    /** Admins only. `{ enabled: false }` disables it; `{ enabled: true }` re-enables it. */
    update: (id: string, input: UpdateWebhookEndpointInput, options: CallOptions = {}) =>
      call({
        method: "patch",
        path: endpointPath(id),
        json: input,
        schema: webhookEndpointSchema,
        ...options,
      }),
    remove: (id: string, options: CallOptions = {}) =>
      call<void>({ method: "delete", path: endpointPath(id), ...options }),
    /** Admins only. A new secret, shown once; the old one keeps signing for the grace period. */
    rotateSecret: (id: string, input: RotateWebhookSecretInput = {}, options: CallOptions = {}) =>
      call({
        method: "post",
        path: endpointPath(id, "/rotate-secret"),
        json: input,
        schema: rotatedWebhookSecretSchema,
        ...options,
      }),
    /** Admins only. Sends a `webhook.test` message now and answers its attempt. */
    sendTest: (id: string, options: CallOptions = {}) =>
      call({
        method: "post",
        path: endpointPath(id, "/test"),
        json: {},
        schema: webhookAttemptSchema,
        ...options,
      }),
    /**
     * Newest first, `limit` at a time (default 50). Pass the answer's `nextCursor` as `before` for
     * the older ones; it is null on the last page.
     */
    listMessages: (id: string, params: WebhookMessageQuery = {}, options: CallOptions = {}) =>
      call({
        method: "get",
        path: endpointPath(id, `/messages${query(params)}`),
        schema: webhookMessageListSchema,
        ...options,
      }),
    /** Newest first, paged like `listMessages`; pass `messageId` for one message's attempts. */
    listAttempts: (id: string, params: WebhookAttemptQuery = {}, options: CallOptions = {}) =>
      call({
        method: "get",
        path: endpointPath(id, `/attempts${query(params)}`),
        schema: webhookAttemptListSchema,
        ...options,
      }),
    /** Admins only. Queues the message again now, with the same `webhook-id`. */
    resend: (id: string, messageId: string, options: CallOptions = {}) =>
      call({
        method: "post",
        path: endpointPath(id, "/resend"),
        json: { messageId },
        schema: webhookMessageSchema,
        ...options,
      }),
    /** Admins only. Queues again every failed message created since `since` (until `until`). */
    recover: (id: string, input: RecoverWebhookMessagesInput, options: CallOptions = {}) =>
      call({
        method: "post",
        path: endpointPath(id, "/recover"),
        json: input,
        schema: recoveredWebhookMessagesSchema,
        ...options,
      }),
  };
}
