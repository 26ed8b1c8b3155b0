import { PlugboardError } from "@plugboard/core";
import { parseJsonText } from "../http/body";
import { defineInboundReceiver } from "../inbound/receiver";
import { defineJob } from "../jobs/define";
import { runInteraction } from "./interactions";
import { type SlackInteractionJob, slackInteractionSchema } from "./payloads";
import { signedAt, verifySlack } from "./signature";

const slackInteractionJob = defineJob("slack.interaction", slackInteractionSchema, {
  maxAttempts: 1,
});

const handledTypes = new Set(["block_actions", "view_submission", "message_action"]);

/**
 * Buttons, selects, modal submissions and the message shortcut: form-encoded with the JSON in
 * `payload`, signed, acknowledged at once (an empty 200 closes a submitted modal). The trigger_id
 * each one carries is its delivery id.
 */
export const slackInteractionReceiver = defineInboundReceiver<SlackInteractionJob>({
  path: "/providers/slack/interactions",
  secret: (context) => context.slack.options?.signingSecret ?? null,
  verify: (secret, request, raw, now) => verifySlack(secret, request, raw, now),
  accept(body, request) {
    const text = body.form?.get("payload");
    if (!text) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: "Slack sends interactions form-encoded with a payload field",
      });
    }
    const payload = parseJsonText(text) as { type?: unknown; trigger_id?: unknown };
    if (typeof payload.type !== "string" || !handledTypes.has(payload.type)) {
      return { reply: new Response(null, { status: 200 }) };
    }
    if (typeof payload.trigger_id !== "string" || payload.trigger_id.length > 200) {
      throw new PlugboardError({ code: "validation_failed", detail: "trigger_id is required" });
    }
    return {
      deliveryId: `trigger:${payload.trigger_id}`,
      work: { payload: text, origin: new URL(request.url).origin, receivedAt: signedAt(request) },
      ack: () => new Response(null, { status: 200 }),
    };
  },
  firstSeen: (context, id) => context.store.slack.recordInbound(id, context.now()),
  job: slackInteractionJob,
  process: (context, work) => runInteraction(context, work),
});
