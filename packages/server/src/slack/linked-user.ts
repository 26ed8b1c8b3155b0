import { asLinkedUser, type LinkedAction } from "../account-links/link-intents";
import type { PlugboardContext } from "../context";
import type { HostCall } from "../host/port";
import type { InstallationRecord } from "../integrations/store/types";
import { connectAccountMessage } from "./blocks";
import { respond, type SlackReplyTarget } from "./web-api";

export interface SlackActor {
  userId: string;
  userName?: string | null;
  teamId: string;
  /** Where the "Connect your account" answer goes: the response_url, else the channel. */
  responseUrl?: string | null;
  channelId?: string | null;
  /** When Slack sent the request: the response_url lives 30 minutes from there. */
  receivedAt?: number | undefined;
  /** The host app's origin the request came to: the connect link points there. */
  origin: string;
}

/**
 * Runs `action` as the host user linked to this Slack user in the installation's organization.
 * An unlinked user gets an ephemeral "Connect your account" link (through the response_url) and
 * nothing runs: never as the installer.
 */
export async function asSlackUser<T>(
  context: PlugboardContext,
  installation: InstallationRecord,
  actor: SlackActor,
  action: (call: HostCall) => Promise<T>,
): Promise<LinkedAction<T>> {
  const outcome = await asLinkedUser(
    context,
    {
      organizationId: installation.organizationId,
      provider: "slack",
      externalUserId: actor.userId,
      externalAccountId: actor.teamId,
      externalUserName: actor.userName ?? null,
    },
    actor.origin,
    action,
  );
  if (outcome.status === "link_required") {
    await respond(context, replyTarget(installation, actor), connectAccountMessage(outcome.url));
  }
  return outcome;
}

/** Where answers to this Slack user go: the response_url, else the bot in their channel. */
export function replyTarget(installation: InstallationRecord, actor: SlackActor): SlackReplyTarget {
  return {
    responseUrl: actor.responseUrl,
    receivedAt: actor.receivedAt,
    installation,
    channelId: actor.channelId ?? null,
    userId: actor.userId,
  };
}
