import { asLinkedUser, type LinkedAction } from "../account-links/link-intents";
import type { PlugboardContext } from "../context";
import type { HostCall } from "../host/port";
import type { InstallationRecord } from "../integrations/store/types";
import { connectAccountMessage } from "./blocks";
import { respond } from "./web-api";

export interface SlackActor {
  userId: string;
  userName?: string | null;
  teamId: string;
  /** Where the "Connect your account" answer goes. */
  responseUrl?: string | null;
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
  if (outcome.status === "link_required" && actor.responseUrl) {
    await respond(context, actor.responseUrl, connectAccountMessage(outcome.url));
  }
  return outcome;
}
