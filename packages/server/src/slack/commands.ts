import type { PlugboardContext } from "../context";
import { escapeMrkdwn } from "./blocks";
import { installationForTeam } from "./installations";
import { asSlackUser, replyTarget, type SlackActor } from "./linked-user";
import { createIssueModal } from "./modals";
import type { SlackCommand } from "./payloads";
import { callSlack, respond, SlackApiError } from "./web-api";

const ephemeral = (text: string) => ({ response_type: "ephemeral", text });

/** `create <title>` opens the modal; `search <text>` answers with matches; anything else, help. */
export async function runCommand(context: PlugboardContext, command: SlackCommand): Promise<void> {
  const installation = await installationForTeam(context, command.teamId, command.enterpriseId);
  const actor: SlackActor = {
    userId: command.userId,
    userName: command.userName,
    teamId: command.teamId,
    responseUrl: command.responseUrl,
    channelId: command.channelId,
    receivedAt: command.receivedAt,
    origin: command.origin,
  };
  if (!installation) {
    // No bot to fall back on: the response_url is the only way to answer.
    await respond(
      context,
      { ...actor, installation: null },
      ephemeral("Plugboard is not connected to this workspace."),
    );
    return;
  }
  const to = replyTarget(installation, actor);
  const [verb = "", ...rest] = command.text.trim().split(/\s+/);
  const argument = command.text.trim().slice(verb.length).trim();
  const name = context.slack.commandName;
  if (verb === "create") {
    await asSlackUser(context, installation, actor, async (call) => {
      const projects = await context.host.projects.list(call);
      try {
        await callSlack(context, installation, "views.open", {
          trigger_id: command.triggerId,
          view: createIssueModal(projects, { title: argument }, { channelId: command.channelId }),
        });
      } catch (error) {
        // A trigger_id is single use and lives 3 seconds: a slow run cannot open the modal.
        if (!(error instanceof SlackApiError)) throw error;
        await respond(
          context,
          to,
          ephemeral(`Could not open the form (${error.code}). Run ${name} create again.`),
        );
      }
    });
    return;
  }
  if (verb === "search" && rest.length > 0) {
    await asSlackUser(context, installation, actor, async (call) => {
      const issues = await context.host.issues.search(call, { text: argument, limit: 10 });
      const lines = issues.map(
        (issue) => `• <${issue.url}|${escapeMrkdwn(issue.key)}> ${escapeMrkdwn(issue.title)}`,
      );
      await respond(
        context,
        to,
        ephemeral(
          lines.length > 0
            ? `Issues matching “${escapeMrkdwn(argument)}”:\n${lines.join("\n")}`
            : `No issues match “${escapeMrkdwn(argument)}”.`,
        ),
      );
    });
    return;
  }
  await respond(
    context,
    to,
    ephemeral(`Try \`${name} create <title>\` or \`${name} search <text>\`.`),
  );
}
