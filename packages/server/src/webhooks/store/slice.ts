import type { WebhookStore } from "./types";

export interface WebhooksStoreSlice {
  /** Outgoing webhook endpoints, the outbox and its attempt log. */
  readonly webhooks: WebhookStore;
}
