import type { PlugboardContext } from "../context";
import type { InstallationRecord } from "../integrations/store/types";
import { unfurlBlocks } from "./blocks";
import { issueView } from "./issue-view";
import { asSlackUser } from "./linked-user";
import type { SlackEventJob } from "./payloads";
import { callSlack } from "./web-api";

/**
 * `link_shared` → `chat.unfurl`: only links that are the URL of an issue of the installation's
 * organization (looked up by the key in the link, then compared exactly), read as the Slack
 * user who shared them, so the preview shows only what they may see. An unlinked user's links
 * stay plain. Slack accepts only URLs from the event; composer links (`channel: "COMPOSER"`)
 * are answered with the event's `unfurl_id` and `source`.
 */
export async function unfurlLinks(
  context: PlugboardContext,
  installation: InstallationRecord,
  work: SlackEventJob,
  event: Record<string, unknown>,
): Promise<void> {
  const links = Array.isArray(event.links) ? (event.links as { url?: unknown }[]) : [];
  const urls = links
    .map((link) => link.url)
    .filter((url): url is string => typeof url === "string")
    .slice(0, 10);
  const userId = typeof event.user === "string" ? event.user : null;
  if (urls.length === 0 || !userId) return;
  const unfurls: Record<string, { blocks: unknown[] }> = {};
  await asSlackUser(
    context,
    installation,
    { userId, teamId: work.teamId, origin: work.origin },
    async (call) => {
      for (const url of urls) {
        for (const key of new Set(url.match(context.github.issueKeyPattern) ?? [])) {
          const issue = await context.host.issues.getByKey(call, key);
          if (issue?.url !== url) continue;
          unfurls[url] = { blocks: unfurlBlocks(await issueView(context, call, issue)) };
        }
      }
    },
  );
  if (Object.keys(unfurls).length === 0) return;
  const source =
    typeof event.unfurl_id === "string"
      ? { unfurl_id: event.unfurl_id, source: event.source ?? "conversations_history" }
      : { channel: event.channel, ts: event.message_ts };
  await callSlack(context, installation, "chat.unfurl", { ...source, unfurls });
}
