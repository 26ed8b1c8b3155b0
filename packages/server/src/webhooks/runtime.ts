import type { Keyring } from "../crypto/keyring";
import type { Logger } from "../logger";
import type { Store } from "../stores/types";
import { defaultChatMessage } from "./chat-message";
import { createDelivery, createDispatcher, type Deliver, type Dispatcher } from "./dispatcher";
import { createNodeTransport } from "./node-transport";
import {
  type ResolvedWebhooksOptions,
  resolveWebhooksOptions,
  type WebhooksOptions,
} from "./options";
import { createPublisher, type Publish } from "./publish";
import { createSender } from "./send";
import { createAddressPolicy, createUrlGuard, type UrlGuard } from "./url-guard";

/** Outgoing webhooks as the routes and the host see them; built once by `createPlugboard`. */
export interface WebhooksRuntime {
  options: ResolvedWebhooksOptions;
  checkUrl: UrlGuard;
  publish: Publish;
  deliver: Deliver;
  dispatcher: Dispatcher;
}

export function createWebhooksRuntime(parts: {
  store: Store;
  keyring: Keyring;
  logger: Logger;
  now: () => number;
  options: WebhooksOptions | undefined;
}): WebhooksRuntime {
  const { store, keyring, logger, now } = parts;
  const options = resolveWebhooksOptions(parts.options, defaultChatMessage);
  const checkHost = createAddressPolicy(options.guard);
  const checkUrl = createUrlGuard(options.guard, checkHost);
  const transport =
    options.fetch ??
    createNodeTransport(checkHost, options.trustedCertificates) ??
    // Looked up per call, so a fetch patched after startup (msw in a browser) is the one used.
    ((input: string, init: RequestInit) => fetch(input, init));
  const sender = createSender(options, checkUrl, transport, keyring, now);
  const deliver = createDelivery({ store, sender, options, logger, now, publish: () => publish });
  const dispatcher = createDispatcher({ store, options, logger, now }, deliver);
  const publish = createPublisher(store, now, options.maxPayloadBytes, dispatcher.notify);
  return { options, checkUrl, publish, deliver, dispatcher };
}
