import type { PlugboardContext } from "../context";
import { disconnectTeam, installationForTeam, unlinkSlackUsers } from "./installations";
import type { SlackEventJob } from "./payloads";
import { unfurlLinks } from "./unfurl";

/** The workspace side of an installation's life, and links to unfurl. */
export async function handleSlackEvent(context: PlugboardContext, work: SlackEventJob) {
  const event = JSON.parse(work.event) as Record<string, unknown>;
  switch (event.type) {
    case "app_uninstalled":
      await disconnectTeam(context, work.teamId);
      return;
    case "tokens_revoked": {
      // It lists user ids (not tokens), before or after app_uninstalled: a bot entry means the
      // bot token is gone; `oauth` entries are Slack users who revoked the app for themselves,
      // so their account links go (Plugboard keeps no user tokens: the link is what acts as
      // them). User entries alone leave the installation as it is, connected or not.
      const tokens = event.tokens as { bot?: unknown[]; oauth?: unknown[] } | undefined;
      const users = (tokens?.oauth ?? []).filter((id): id is string => typeof id === "string");
      if (users.length > 0) await unlinkSlackUsers(context, work.teamId, users);
      if ((tokens?.bot?.length ?? 0) > 0) await disconnectTeam(context, work.teamId);
      return;
    }
    case "link_shared": {
      const installation = await installationForTeam(context, work.teamId, work.enterpriseId);
      if (installation) await unfurlLinks(context, installation, work, event);
      return;
    }
  }
}
