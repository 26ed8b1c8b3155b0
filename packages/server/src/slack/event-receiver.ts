import { PlugboardError } from "@plugboard/core";
import { json } from "../http/responses";
import { defineInboundReceiver } from "../inbound/receiver";
import { defineJob } from "../jobs/define";
import { handleSlackEvent } from "./events";
import { type SlackEventJob, slackEventSchema } from "./payloads";
import { verifySlack } from "./signature";

const slackEventJob = defineJob("slack.event", slackEventSchema);

const handledEvents = new Set(["app_uninstalled", "tokens_revoked", "link_shared"]);

interface EventEnvelope {
  type?: unknown;
  challenge?: unknown;
  event_id?: unknown;
  team_id?: unknown;
  enterprise_id?: unknown;
  authorizations?: { team_id?: unknown; enterprise_id?: unknown }[];
  event?: { type?: unknown };
}

/**
 * The Events API: `url_verification` answered with its challenge (after the signature, like
 * everything), `event_callback`s queued and deduped by `event_id` (Slack retries with
 * `X-Slack-Retry-Num` and the same id when the answer is slow or not 2xx).
 */
export const slackEventReceiver = defineInboundReceiver<SlackEventJob>({
  path: "/providers/slack/events",
  secret: (context) => context.slack.options?.signingSecret ?? null,
  verify: (secret, request, raw, now) => verifySlack(secret, request, raw, now),
  accept(body, request) {
    const envelope = body.json as EventEnvelope | undefined;
    if (!envelope || typeof envelope !== "object") {
      throw new PlugboardError({ code: "validation_failed", detail: "Slack sends events as JSON" });
    }
    if (envelope.type === "url_verification" && typeof envelope.challenge === "string") {
      return { reply: json({ challenge: envelope.challenge }) };
    }
    const type = envelope.event?.type;
    if (
      envelope.type !== "event_callback" ||
      typeof type !== "string" ||
      !handledEvents.has(type)
    ) {
      return { reply: json({ status: "ignored" }) };
    }
    const teamId = envelope.team_id ?? envelope.authorizations?.[0]?.team_id;
    if (typeof envelope.event_id !== "string" || typeof teamId !== "string") {
      throw new PlugboardError({
        code: "validation_failed",
        detail: "An event_callback carries event_id and team_id",
      });
    }
    const enterpriseId = envelope.enterprise_id ?? envelope.authorizations?.[0]?.enterprise_id;
    return {
      deliveryId: `event:${envelope.event_id.slice(0, 200)}`,
      work: {
        teamId,
        enterpriseId: typeof enterpriseId === "string" ? enterpriseId : null,
        event: JSON.stringify(envelope.event),
        origin: new URL(request.url).origin,
      },
    };
  },
  firstSeen: (context, id) => context.store.slack.recordInbound(id, context.now()),
  job: slackEventJob,
  process: (context, work) => handleSlackEvent(context, work),
});
