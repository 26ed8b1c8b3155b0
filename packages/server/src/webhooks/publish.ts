import { createId, PlugboardError, toFieldErrors, webhookEventTypeSchema } from "@plugboard/core";
import { z } from "zod";
import type { Store } from "../stores/types";
import type { WebhookEndpointRecord, WebhookMessageRecord } from "./store/types";

const publishInputSchema = z.object({
  organizationId: z.string().min(1),
  projectId: z.string().min(1).nullable().optional(),
  type: webhookEventTypeSchema,
  data: z.record(z.string(), z.unknown()),
  idempotencyKey: z.string().min(1).max(200).optional(),
});

export type PublishEventInput = z.input<typeof publishInputSchema>;

export interface PublishEventResult {
  eventId: string;
  /** True when the idempotency key was seen before: nothing was written this time. */
  duplicate: boolean;
  /** Messages written by this call, one per matching endpoint. */
  messages: number;
}

/** Whether an endpoint takes an event: enabled, subscribed to the type, and in scope. */
export function endpointMatches(
  endpoint: WebhookEndpointRecord,
  type: string,
  projectId: string | null,
): boolean {
  if (!endpoint.enabled) return false;
  if (endpoint.projectId !== null && endpoint.projectId !== projectId) return false;
  return endpoint.eventMode === "all" || endpoint.events.includes(type);
}

const encoder = new TextEncoder();

export function createPublisher(
  store: Store,
  now: () => number,
  maxPayloadBytes: number,
  onPublished: () => void,
) {
  return async function publish(input: PublishEventInput): Promise<PublishEventResult> {
    const parsed = publishInputSchema.safeParse(input);
    if (!parsed.success) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: "The event to publish is invalid",
        errors: toFieldErrors(parsed.error),
      });
    }
    const { organizationId, type, data } = parsed.data;
    const projectId = parsed.data.projectId ?? null;
    const at = now();
    const body = JSON.stringify({ type, timestamp: new Date(at).toISOString(), data });
    const size = encoder.encode(body).length;
    if (size > maxPayloadBytes) {
      throw new PlugboardError({
        code: "payload_too_large",
        detail: `The ${type} event is ${Math.ceil(size / 1024)} KiB; webhooks carry at most ${Math.floor(maxPayloadBytes / 1024)} KiB. Send identifiers and let receivers fetch the rest.`,
      });
    }

    const eventId = createId("evt");
    // The endpoints are read inside the store's transaction (see WebhookStore.publish), so one
    // deleted or disabled meanwhile cannot be handed a message it will never own.
    const messagesFor = (endpoints: WebhookEndpointRecord[]): WebhookMessageRecord[] =>
      endpoints
        .filter((endpoint) => endpointMatches(endpoint, type, projectId))
        .map((endpoint) => ({
          id: createId("msg"),
          organizationId,
          endpointId: endpoint.id,
          eventId,
          eventType: type,
          body,
          status: "pending",
          attemptCount: 0,
          nextAttemptAt: at,
          lastAttemptAt: null,
          trigger: "scheduled",
          leaseOwner: null,
          leaseUntil: null,
          createdAt: at,
        }));
    const result = await store.webhooks.publish(
      {
        id: eventId,
        organizationId,
        type,
        idempotencyKey: parsed.data.idempotencyKey ?? null,
        createdAt: at,
      },
      messagesFor,
    );
    if (result.duplicate) return { eventId: result.event.id, duplicate: true, messages: 0 };
    if (result.messages > 0) onPublished();
    return { eventId, duplicate: false, messages: result.messages };
  };
}

export type Publish = ReturnType<typeof createPublisher>;
