import type { PlugboardContext } from "../context";
import { disconnectTeam, installationForTeam } from "./installations";
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
      // bot token is gone; user tokens alone leave the installation as it is.
      const tokens = event.tokens as { bot?: unknown[] } | undefined;
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
