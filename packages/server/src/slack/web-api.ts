import type { PlugboardContext } from "../context";
import { accessTokenFor, markNeedsReconnect } from "../integrations/oauth/tokens";
import type { InstallationRecord } from "../integrations/store/types";

/** Slack's `ok: false` answer, with its error code (`channel_not_found`, `invalid_auth`, …). */
export class SlackApiError extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
  ) {
    super(`Slack ${method} answered ${code}`);
  }
}

/** What a token that will never work again answers: the installation needs a reconnect. */
export const deadTokenCodes = new Set(["token_revoked", "account_inactive", "invalid_auth"]);

/** How many 429s in a row one call waits out before giving up (the job then retries later). */
const maxRateLimitWaits = 5;

export type SlackArgs = Record<string, unknown>;
export type SlackAnswer = Record<string, unknown> & { ok: true };

/**
 * Calls Slack's Web API as the installation's bot: JSON over fetch to `{baseUrl}/api/{method}`.
 * A 429 is waited out for its `Retry-After` and tried again, never dropped. `ok: false` is logged
 * (the code only) and thrown as a SlackApiError; a dead token marks the installation
 * needs-reconnect first.
 */
export async function callSlack(
  context: PlugboardContext,
  installation: InstallationRecord,
  method: string,
  args: SlackArgs,
): Promise<SlackAnswer> {
  const token = await accessTokenFor(context, installation);
  for (let waits = 0; ; waits++) {
    const response = await fetch(`${context.slack.baseUrl}/api/${method}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json; charset=utf-8",
      },
      body: JSON.stringify(args),
    });
    if (response.status === 429 && waits < maxRateLimitWaits) {
      await response.text();
      const seconds = Number(response.headers.get("retry-after"));
      await context.slack.wait((Number.isFinite(seconds) && seconds >= 0 ? seconds : 1) * 1000);
      continue;
    }
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (answer.ok === true) return answer as SlackAnswer;
    const code = typeof answer.error === "string" ? answer.error : `http_${response.status}`;
    context.logger.warn("Slack Web API call failed", {
      method,
      error: code,
      installationId: installation.id,
    });
    if (deadTokenCodes.has(code)) await markNeedsReconnect(context, installation);
    throw new SlackApiError(method, code);
  }
}

/** Posts to a `response_url` (ephemeral by default); it answers plain `ok`, not JSON. */
export async function respond(
  context: PlugboardContext,
  responseUrl: string,
  message: SlackArgs,
): Promise<void> {
  if (!isSlackResponseUrl(context, responseUrl)) {
    context.logger.warn("Ignored a response_url outside Slack", { origin: originOf(responseUrl) });
    return;
  }
  const response = await fetch(responseUrl, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(message),
  });
  const text = await response.text();
  if (!response.ok || text.trim() !== "ok") {
    // Slack allows 5 posts per response_url in 30 minutes; past that (or expired) it refuses.
    context.logger.warn("Slack refused a response_url post", {
      status: response.status,
      error: text.slice(0, 100),
    });
  }
}

/**
 * A response_url is only ever followed to Slack (`hooks.slack.com`, or the configured Slack
 * origin of a simulator): a signed payload is trusted, but never as a fetch-anything primitive.
 */
function isSlackResponseUrl(context: PlugboardContext, url: string): boolean {
  const origin = originOf(url);
  return origin === "https://hooks.slack.com" || origin === new URL(context.slack.baseUrl).origin;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
