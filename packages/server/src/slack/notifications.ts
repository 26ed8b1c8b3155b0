import {
  createId,
  type SlackNotificationEvent,
  slackNotificationEventSchema,
} from "@plugboard/core";
import { z } from "zod";
import type { PlugboardContext } from "../context";
import { defineJob } from "../jobs/define";
import type { PublishedEvent } from "../module";
import { escapeMrkdwn } from "./blocks";
import { installationForOrganization } from "./installations";
import { integrationCall, postIssueMessage, refreshIssueMessage } from "./issue-view";
import { callSlack, SlackApiError } from "./web-api";

const notificationSchema = z.object({
  organizationId: z.string(),
  projectId: z.string(),
  eventId: z.string(),
  type: slackNotificationEventSchema,
  /** The event's data as JSON text. */
  data: z.string(),
});
type Notification = z.infer<typeof notificationSchema>;
export const slackNotifyJob = defineJob("slack.notify", notificationSchema);

/**
 * Slack's part of `plugboard.events.publish`: a durable job per event the project's channel
 * takes, deduped by the event id (retried with backoff by the worker). Nothing is queued for a
 * project without Slack settings or for an event it did not pick.
 */
export async function queueSlackNotification(
  context: PlugboardContext,
  event: PublishedEvent,
): Promise<void> {
  const { projectId, eventId } = event;
  const type = slackNotificationEventSchema.safeParse(event.type);
  if (!projectId || !type.success) return;
  const settings = await context.store.slack.getSettings(event.organizationId, projectId);
  if (!settings?.events.includes(type.data)) return;
  await context.worker.enqueue(
    slackNotifyJob,
    {
      organizationId: event.organizationId,
      projectId,
      eventId,
      type: type.data,
      data: JSON.stringify(event.data),
    },
    { dedupeKey: `slack.notify:${eventId}` },
  );
}

/** Slack errors a retry cannot fix: shown in the project's settings, not retried. */
const permanentErrors = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "token_revoked",
  "account_inactive",
  "invalid_auth",
  "missing_scope",
]);

/**
 * Posts the event to the project's channel. An issue's first event posts its message (kept by
 * issue and channel); each later one edits that message in place and replies in its thread. The
 * outcome is kept on the settings, so the settings page shows `not_in_channel` and friends.
 */
export async function deliverSlackNotification(
  context: PlugboardContext,
  notification: Notification,
  lastAttempt: boolean,
): Promise<void> {
  const { organizationId, projectId, type } = notification;
  const settings = await context.store.slack.getSettings(organizationId, projectId);
  if (!settings?.events.includes(type)) return;
  const installation = await installationForOrganization(context, organizationId);
  // Each attempt lands in the project's delivery log; the last one also on the settings.
  const outcome = async (error: string | null, willRetry: boolean) => {
    const at = context.now();
    await context.store.slack.recordDeliveryAttempt({
      id: createId("sld"),
      organizationId,
      projectId,
      eventId: notification.eventId,
      eventType: type,
      channelId: settings.channelId,
      status: error === null ? "delivered" : willRetry ? "retrying" : "failed",
      lastError: error,
      at,
    });
    await context.store.slack.recordDeliveryOutcome(organizationId, projectId, {
      status: error ? "failed" : "delivered",
      error,
      eventType: type,
      at,
    });
  };
  if (!installation) {
    await outcome("not_installed", false);
    return;
  }
  try {
    await post(context, installation, settings.channelId, notification);
    await outcome(null, false);
  } catch (error) {
    const code = error instanceof SlackApiError ? error.code : "delivery_failed";
    const permanent = permanentErrors.has(code);
    await outcome(code, !permanent && !lastAttempt);
    if (permanent) return;
    throw error;
  }
}

async function post(
  context: PlugboardContext,
  installation: Parameters<typeof callSlack>[1],
  channel: string,
  notification: Notification,
): Promise<void> {
  const data = JSON.parse(notification.data) as Record<string, unknown>;
  const key = issueKeyOf(data);
  const call = integrationCall(notification.organizationId);
  const issue = key ? await context.host.issues.getByKey(call, key) : null;
  if (!issue) {
    // Cycle events (and issues the host no longer has) are one top-level message each.
    await callSlack(context, installation, "chat.postMessage", {
      channel,
      text: summary(notification.type, data),
    });
    return;
  }
  const kept = await context.store.slack.findIssueMessage(
    notification.organizationId,
    issue.id,
    channel,
  );
  if (!kept) {
    await postIssueMessage(context, installation, issue, channel);
    return;
  }
  await refreshIssueMessage(context, installation, issue, channel, kept.ts);
  await callSlack(context, installation, "chat.postMessage", {
    channel,
    thread_ts: kept.ts,
    text: summary(notification.type, data),
  });
}

function issueKeyOf(data: Record<string, unknown>): string | null {
  const issue = data.issue as { key?: unknown } | undefined;
  return typeof issue?.key === "string" ? issue.key : null;
}

/** The thread reply (or the whole message, for events without an issue). */
function summary(type: SlackNotificationEvent, data: Record<string, unknown>): string {
  const changed = Array.isArray(data.changed) ? data.changed.join(", ") : null;
  const comment = (data.comment as { body?: unknown } | undefined)?.body;
  const cycle = (data.cycle as { name?: unknown } | undefined)?.name;
  switch (type) {
    case "issue.created":
      return "Issue created";
    case "issue.updated":
      return changed ? `Changed: ${escapeMrkdwn(changed)}` : "Issue updated";
    case "issue.assigned":
      return "Assignee changed";
    case "issue.completed":
      return "Issue completed";
    case "comment.created":
      return typeof comment === "string" ? `Comment: ${escapeMrkdwn(comment)}` : "New comment";
    case "cycle.started":
      return `Cycle started${typeof cycle === "string" ? `: ${escapeMrkdwn(cycle)}` : ""}`;
    case "cycle.completed":
      return `Cycle completed${typeof cycle === "string" ? `: ${escapeMrkdwn(cycle)}` : ""}`;
  }
}
