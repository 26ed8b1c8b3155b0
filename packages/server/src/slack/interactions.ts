import type { PlugboardContext } from "../context";
import type { InstallationRecord } from "../integrations/store/types";
import { installationForTeam } from "./installations";
import { postIssueMessage, refreshIssueMessage } from "./issue-view";
import { asSlackUser, replyTarget, type SlackActor } from "./linked-user";
import { type CreateModalMetadata, commentModal, createIssueModal } from "./modals";
import type { SlackInteractionJob } from "./payloads";
import { callSlack, respond, SlackApiError } from "./web-api";

interface SlackPayload {
  type: string;
  callback_id?: string;
  trigger_id: string;
  response_url?: string;
  team?: { id?: string } | null;
  enterprise?: { id?: string } | null;
  user?: { id?: string; username?: string; name?: string };
  channel?: { id?: string };
  container?: { channel_id?: string; message_ts?: string };
  message?: { ts?: string; text?: string };
  actions?: { action_id?: string; value?: string; selected_option?: { value?: string } }[];
  view?: {
    callback_id?: string;
    private_metadata?: string;
    state?: { values?: Record<string, Record<string, StateValue>> };
  };
}

interface StateValue {
  value?: string | null;
  selected_option?: { value?: string } | null;
  selected_user?: string | null;
}

/** One interaction, as the Slack user who made it (linked), or a "Connect your account" answer. */
export async function runInteraction(
  context: PlugboardContext,
  work: SlackInteractionJob,
): Promise<void> {
  const payload = JSON.parse(work.payload) as SlackPayload;
  const installation = await installationForTeam(
    context,
    payload.team?.id,
    payload.enterprise?.id ?? null,
  );
  const userId = payload.user?.id;
  if (!installation || !userId || !payload.team?.id) return;
  const actor: SlackActor = {
    userId,
    userName: payload.user?.username ?? payload.user?.name ?? null,
    teamId: payload.team.id,
    responseUrl: payload.response_url ?? null,
    channelId: payload.channel?.id ?? null,
    receivedAt: work.receivedAt,
    origin: work.origin,
  };
  if (payload.type === "block_actions") {
    await blockAction(context, installation, actor, payload);
  } else if (payload.type === "view_submission") {
    await viewSubmission(context, installation, actor, payload);
  } else if (
    payload.type === "message_action" &&
    payload.callback_id === "plugboard.create_from_message"
  ) {
    await messageShortcut(context, installation, actor, payload);
  }
}

async function blockAction(
  context: PlugboardContext,
  installation: InstallationRecord,
  actor: SlackActor,
  payload: SlackPayload,
) {
  const action = payload.actions?.[0];
  const raw = action?.selected_option?.value ?? action?.value ?? "";
  const [key = "", choice = ""] = raw.split("|");
  const channel = payload.channel?.id ?? payload.container?.channel_id ?? "";
  const ts = payload.message?.ts ?? payload.container?.message_ts ?? "";
  if (!action?.action_id?.startsWith("plugboard.") || !key) return;
  await asSlackUser(context, installation, actor, async (call) => {
    const issue = await context.host.issues.getByKey(call, key);
    if (!issue) return;
    switch (action.action_id) {
      case "plugboard.status":
        await context.host.issues.update(call, issue.id, { stateId: choice });
        break;
      case "plugboard.priority":
        await context.host.issues.update(call, issue.id, {
          priority: choice === "none" ? null : choice,
        });
        break;
      case "plugboard.assign_me":
        await context.host.issues.update(call, issue.id, {
          assigneeId: "userId" in call.actor ? call.actor.userId : null,
        });
        break;
      case "plugboard.comment":
        await openView(
          context,
          installation,
          actor,
          payload.trigger_id,
          commentModal({ key, channelId: channel, ts }),
        );
        return;
      default:
        return;
    }
    const updated = await context.host.issues.getByKey(call, key);
    if (updated && channel && ts) {
      await refreshIssueMessage(context, installation, updated, channel, ts);
    }
  });
}

async function viewSubmission(
  context: PlugboardContext,
  installation: InstallationRecord,
  actor: SlackActor,
  payload: SlackPayload,
) {
  const values = payload.view?.state?.values ?? {};
  const field = (block: string) => values[block]?.value;
  const metadata = JSON.parse(payload.view?.private_metadata || "{}") as Record<string, string>;
  if (payload.view?.callback_id === "plugboard.create_issue") {
    const { channelId, threadTs } = metadata as unknown as CreateModalMetadata;
    const projectId = field("project")?.selected_option?.value;
    const title = field("title")?.value?.trim();
    if (!projectId || !title) return;
    const slackAssignee = field("assignee")?.selected_user;
    await asSlackUser(context, installation, actor, async (call) => {
      // The assignee is a Slack user: their linked host user, or nobody when they have no link.
      const assignee = slackAssignee
        ? await context.store.accountLinks.find(call.organizationId, "slack", slackAssignee)
        : null;
      const priority = field("priority")?.selected_option?.value;
      const issue = await context.host.issues.create(call, {
        projectId,
        title,
        description: field("description")?.value ?? null,
        ...(priority && priority !== "none" ? { priority } : {}),
        ...(assignee ? { assigneeId: assignee.userId } : {}),
      });
      if (!channelId) return;
      // The project's own channel gets the issue's message from its issue.created notification:
      // posting here too would make two messages for one issue.
      const settings = await context.store.slack.getSettings(call.organizationId, projectId);
      const notified =
        settings?.channelId === channelId && settings.events.includes("issue.created");
      if (threadTs) {
        await callSlack(context, installation, "chat.postMessage", {
          channel: channelId,
          thread_ts: threadTs,
          text: `<@${actor.userId}> created <${issue.url}|${issue.key}> ${issue.title}`,
        });
      }
      if (!notified) await postIssueMessage(context, installation, issue, channelId);
    });
    return;
  }
  if (payload.view?.callback_id === "plugboard.comment") {
    const body = field("body")?.value?.trim();
    const { key = "", channelId = "", ts = "" } = metadata;
    if (!body || !key) return;
    await asSlackUser(context, installation, actor, async (call) => {
      const issue = await context.host.issues.getByKey(call, key);
      if (!issue) return;
      await context.host.comments.create(call, { issueId: issue.id, body });
      if (channelId && ts) await refreshIssueMessage(context, installation, issue, channelId, ts);
    });
  }
}

/** "Create issue from message": the modal, prefilled with the message's text. */
async function messageShortcut(
  context: PlugboardContext,
  installation: InstallationRecord,
  actor: SlackActor,
  payload: SlackPayload,
) {
  const text = payload.message?.text ?? "";
  const channelId = payload.channel?.id ?? "";
  await asSlackUser(context, installation, actor, async (call) => {
    const projects = await context.host.projects.list(call);
    const title = text.split("\n")[0]?.slice(0, 120) ?? "";
    await openView(
      context,
      installation,
      actor,
      payload.trigger_id,
      createIssueModal(
        projects,
        { title, description: text },
        { channelId, threadTs: payload.message?.ts ?? null },
      ),
    );
  });
}

async function openView(
  context: PlugboardContext,
  installation: InstallationRecord,
  actor: SlackActor,
  triggerId: string,
  view: unknown,
) {
  try {
    await callSlack(context, installation, "views.open", { trigger_id: triggerId, view });
  } catch (error) {
    if (!(error instanceof SlackApiError)) throw error;
    await respond(context, replyTarget(installation, actor), {
      response_type: "ephemeral",
      text: `Could not open the form (${error.code}). Try again.`,
    });
  }
}
