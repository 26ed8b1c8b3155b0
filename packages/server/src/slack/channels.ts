import { PlugboardError, type SlackChannel, type SlackChannelSettings } from "@plugboard/core";
import type { PlugboardContext } from "../context";
import type { InstallationRecord } from "../integrations/store/types";
import { installationForOrganization } from "./installations";
import type { SlackChannelSettingsRecord } from "./store/types";
import { callSlack, SlackApiError } from "./web-api";

/** The most conversations.list pages read for one picker (200 channels each). */
const maxPages = 50;

export async function requireSlackInstallation(
  context: PlugboardContext,
  organizationId: string,
): Promise<InstallationRecord> {
  const installation = await installationForOrganization(context, organizationId);
  if (!installation) {
    throw new PlugboardError({
      code: "conflict",
      detail: "Connect Slack first (or reconnect it: the connection is not active)",
    });
  }
  return installation;
}

/**
 * Every channel the bot can see, following `next_cursor` to the end: Slack filters after paging,
 * so a page may be empty and still carry a cursor. Only an empty cursor ends the list.
 */
export async function listChannels(
  context: PlugboardContext,
  installation: InstallationRecord,
): Promise<SlackChannel[]> {
  const channels: SlackChannel[] = [];
  let cursor = "";
  for (let page = 0; page < maxPages; page++) {
    const answer = await slackOrProblem(() =>
      callSlack(context, installation, "conversations.list", {
        limit: 200,
        exclude_archived: true,
        types: "public_channel,private_channel",
        ...(cursor ? { cursor } : {}),
      }),
    );
    const found = (answer.channels ?? []) as { id: string; name: string; is_member?: boolean }[];
    for (const channel of found) {
      channels.push({ id: channel.id, name: channel.name, isMember: channel.is_member === true });
    }
    cursor = (answer.response_metadata as { next_cursor?: string } | undefined)?.next_cursor ?? "";
    if (!cursor) break;
  }
  return channels.sort((a, b) => a.name.localeCompare(b.name));
}

/** A Slack `ok: false` as a 502 problem naming Slack's code. */
export async function slackOrProblem<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof SlackApiError)) throw error;
    throw new PlugboardError({
      code: "provider_error",
      detail: `Slack answered ${error.code}`,
    });
  }
}

export function presentSettings(record: SlackChannelSettingsRecord): SlackChannelSettings {
  return {
    projectId: record.projectId,
    channelId: record.channelId,
    channelName: record.channelName,
    events: record.events as SlackChannelSettings["events"],
    lastDelivery: record.lastDelivery
      ? {
          status: record.lastDelivery.status,
          error: record.lastDelivery.error,
          eventType: record.lastDelivery.eventType,
          at: new Date(record.lastDelivery.at).toISOString(),
        }
      : null,
    updatedBy: record.updatedBy,
    updatedAt: new Date(record.updatedAt).toISOString(),
  };
}
