import type { WebhookEventType } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import type { TrackerContext } from "./context";

export interface TrackerEvent {
  type: WebhookEventType;
  projectId: string;
  data: Record<string, unknown>;
}

/**
 * Announces committed changes through Plugboard, whoever made them (a person on the Issues page,
 * the demo API, or Plugboard itself through the host port). The change is already committed, so
 * a failed publish is logged rather than undoing it; the idempotency key makes a retry of the
 * same change a no-op.
 */
export async function announce(
  context: TrackerContext,
  call: HostCall,
  changeId: string,
  events: TrackerEvent[],
) {
  for (const event of events) {
    try {
      await context.publish({
        organizationId: call.organizationId,
        projectId: event.projectId,
        type: event.type,
        data: { ...event.data, actor: call.actor },
        idempotencyKey: `${changeId}:${event.type}`,
      });
    } catch (error) {
      console.error(`[tracker] could not publish ${event.type}`, error);
    }
  }
}
