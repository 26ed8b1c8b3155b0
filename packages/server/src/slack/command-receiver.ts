import { PlugboardError } from "@plugboard/core";
import { defineInboundReceiver } from "../inbound/receiver";
import { defineJob } from "../jobs/define";
import { runCommand } from "./commands";
import { type SlackCommand, slackCommandSchema } from "./payloads";
import { signedAt, verifySlack } from "./signature";

const slackCommandJob = defineJob("slack.command", slackCommandSchema, { maxAttempts: 1 });

/** An empty 200: Slack shows nothing, and the answer follows through the response_url. */
const emptyAck = () => new Response(null, { status: 200 });

/**
 * The slash command (`/plugboard create …`, `/plugboard search …`): form-encoded, signed with the
 * signing secret, acknowledged at once. Slack does not retry commands; the trigger_id (unique per
 * invocation) is the delivery id all the same. Run once (a modal's trigger_id is single use).
 */
export const slackCommandReceiver = defineInboundReceiver<SlackCommand>({
  path: "/providers/slack/commands",
  secret: (context) => context.slack.options?.signingSecret ?? null,
  verify: (secret, request, raw, now) => verifySlack(secret, request, raw, now),
  accept(body, request) {
    const form = body.form;
    const field = (name: string) => form?.get(name) ?? "";
    if (!form || !field("team_id") || !field("user_id") || !field("trigger_id")) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: "A slash command is form-encoded with team_id, user_id and trigger_id",
      });
    }
    return {
      deliveryId: `trigger:${field("trigger_id")}`,
      work: {
        teamId: field("team_id"),
        enterpriseId: form.get("enterprise_id") || null,
        userId: field("user_id"),
        userName: form.get("user_name") || null,
        channelId: field("channel_id"),
        text: field("text").slice(0, 4000),
        responseUrl: field("response_url"),
        triggerId: field("trigger_id"),
        origin: new URL(request.url).origin,
        receivedAt: signedAt(request),
      },
      ack: emptyAck,
    };
  },
  firstSeen: (context, id) => context.store.slack.recordInbound(id, context.now()),
  job: slackCommandJob,
  process: (context, command) => runCommand(context, command),
});
