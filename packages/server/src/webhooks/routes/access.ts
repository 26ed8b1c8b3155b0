import { type Identity, PlugboardError } from "@plugboard/core";
import type { PlugboardContext } from "../../context";
import { healthWindowMs, presentEndpoint } from "../present";
import type { WebhookEndpointRecord } from "../store/types";

/** The caller's organization's endpoint, or a 404 (never a hint that it exists elsewhere). */
export async function findEndpoint(
  context: PlugboardContext,
  identity: Identity,
  id: string,
): Promise<WebhookEndpointRecord> {
  const endpoint = await context.store.webhooks.getEndpoint(identity.organizationId, id);
  if (!endpoint)
    throw new PlugboardError({ code: "not_found", detail: "No such webhook endpoint" });
  return endpoint;
}

/** One endpoint's wire form with its health over the recent window. */
export async function presentWithHealth(context: PlugboardContext, record: WebhookEndpointRecord) {
  const now = context.now();
  const stats = await context.store.webhooks.endpointStats(
    record.organizationId,
    now - healthWindowMs,
  );
  return presentEndpoint(record, stats.get(record.id), now);
}

/**
 * The SSRF guard at save time: a refused URL is a field error (on `path`, the body field that
 * holds it), and nothing is stored.
 */
export async function assertUrlAllowed(
  context: PlugboardContext,
  url: string,
  path = "url",
): Promise<void> {
  const check = await context.webhooks.checkUrl(url);
  if (check.ok) return;
  throw new PlugboardError({
    code: "validation_failed",
    detail: "The webhook URL is not allowed",
    errors: [{ path, message: check.message }],
  });
}

export function assertEnabled(endpoint: WebhookEndpointRecord): void {
  if (!endpoint.enabled) {
    throw new PlugboardError({
      code: "conflict",
      detail: "The endpoint is disabled: enable it before sending messages again",
    });
  }
}
