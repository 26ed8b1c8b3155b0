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

/** Where an answer to a Slack user goes: their `response_url`, else the Web API. */
export interface SlackReplyTarget {
  responseUrl?: string | null | undefined;
  /** When Slack sent the request (its signed timestamp): a response_url lives 30 minutes. */
  receivedAt?: number | undefined;
  /** For the Web API fallback: the bot posts (ephemerally to `userId`) in `channelId`. */
  installation?: InstallationRecord | null | undefined;
  channelId?: string | null | undefined;
  userId: string;
}

/** Slack allows 5 posts per response_url, within 30 minutes of the request. */
export const responseUrlPosts = 5;
export const responseUrlLifetimeMs = 30 * 60 * 1000;

/**
 * Answers a Slack user: through the `response_url` (ephemeral by default; it answers plain `ok`,
 * not JSON) while it is Slack's own, younger than 30 minutes and has posts left (counted in the
 * store, so every worker process shares the count), otherwise, or when Slack refuses it
 * (`used_url`, `expired_url`), through the Web API as the bot in the same channel, or in the
 * user's direct messages with the app when there is no channel (a modal's submission).
 */
export async function respond(
  context: PlugboardContext,
  to: SlackReplyTarget,
  message: SlackArgs,
): Promise<void> {
  if (to.responseUrl && (await mayPostTo(context, to))) {
    const response = await fetch(to.responseUrl, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(message),
    });
    const text = await response.text();
    if (response.ok && text.trim() === "ok") return;
    context.logger.warn("Slack refused a response_url post", {
      status: response.status,
      error: text.slice(0, 100),
    });
  }
  if (!to.installation) return;
  const { response_type: type, replace_original: _, ...rest } = message;
  if (!to.channelId) {
    // A modal's submission comes from no channel: the answer goes to the user's direct messages
    // with the app (a user id as the channel), which only they see, as an ephemeral would be.
    await callSlack(context, to.installation, "chat.postMessage", { ...rest, channel: to.userId });
    return;
  }
  await callSlack(
    context,
    to.installation,
    type === "in_channel" ? "chat.postMessage" : "chat.postEphemeral",
    type === "in_channel"
      ? { ...rest, channel: to.channelId }
      : { ...rest, channel: to.channelId, user: to.userId },
  );
}

async function mayPostTo(context: PlugboardContext, to: SlackReplyTarget): Promise<boolean> {
  const url = to.responseUrl ?? "";
  if (!isSlackResponseUrl(context, url)) {
    context.logger.warn("Ignored a response_url outside Slack", { origin: originOf(url) });
    return false;
  }
  if (to.receivedAt !== undefined && context.now() - to.receivedAt >= responseUrlLifetimeMs) {
    return false;
  }
  // One seen-id per post slot: whoever records slot n first has it (atomic in every store).
  const hash = await sha256Hex(url);
  for (let slot = 1; slot <= responseUrlPosts; slot++) {
    if (await context.store.slack.recordInbound(`response_url:${hash}:${slot}`, context.now())) {
      return true;
    }
  }
  return false;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
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
