import { createId, type createWebhookEndpointSchema, generateWebhookSecret } from "@plugboard/core";
import type { z } from "zod";
import type { PlugboardContext } from "../context";
import { endpointUrlFields } from "./endpoint-url";
import { secretHint } from "./present";
import { secretContext } from "./send";
import type { WebhookEndpointRecord } from "./store/types";

export type NewWebhookEndpoint = z.output<typeof createWebhookEndpointSchema>;

/**
 * Stores a new endpoint with a fresh signing secret (encrypted; a chat destination's URL too) and
 * returns both; the caller has checked the URL against the SSRF guard. Serves the webhooks API and integrations that deliver
 * through an endpoint of their own (Pumble).
 */
export async function createEndpoint(
  context: PlugboardContext,
  organizationId: string,
  input: NewWebhookEndpoint,
  id = createId("whe"),
): Promise<{ record: WebhookEndpointRecord; secret: string }> {
  const secret = generateWebhookSecret();
  const now = context.now();
  const record: WebhookEndpointRecord = {
    id,
    organizationId,
    projectId: input.projectId ?? null,
    ...(await endpointUrlFields(context, id, input.url, input.destination)),
    description: input.description,
    destination: input.destination,
    eventMode: input.eventMode,
    events: input.eventMode === "all" ? [] : input.events,
    enabled: input.enabled,
    disabledReason: input.enabled ? null : "manual",
    disabledAt: input.enabled ? null : now,
    secret: await context.keyring.encrypt(secret, secretContext(id)),
    secretHint: secretHint(secret),
    previousSecret: null,
    previousSecretExpiresAt: null,
    consecutiveFailures: 0,
    failingSince: null,
    lastDeliveryStatus: null,
    lastDeliveryAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await context.store.webhooks.createEndpoint(record);
  return { record, secret };
}
