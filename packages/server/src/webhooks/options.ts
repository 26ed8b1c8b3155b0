import type { WebhookEndpoint, WebhookPayload } from "@plugboard/core";
import type { UrlGuardOptions } from "./url-guard";

/** Delays before each attempt: the first at once, the eighth and last 10 h after the seventh. */
export const defaultRetrySchedule = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
] as const;

export interface WebhooksOptions extends UrlGuardOptions {
  /**
   * Sends the requests instead of the built-in transport (tests, other runtimes). On Node the
   * built-in transport pins each connection to the address the SSRF guard approved; a custom
   * `fetch` resolves the host again itself, so it bypasses that pinning (the guard still runs
   * before each send). Default: the pinned node:http/node:https transport on Node, the global
   * fetch elsewhere.
   */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Milliseconds before an attempt counts as failed. Default 15 000. */
  timeoutMs?: number;
  /** Largest `data` accepted by `events.publish`, as JSON bytes. Default 256 KiB. */
  maxPayloadBytes?: number;
  /** How much of a response body is kept in the attempt log, in characters. Default 4096. */
  responseBodyLimit?: number;
  /** Milliseconds before attempt 1, 2, …; its length is the number of attempts. */
  retrySchedule?: readonly number[];
  /** Each retry delay is moved by up to ± this fraction, so retries don't arrive in lockstep. Default 0.1. */
  jitter?: number;
  /** [0, 1); for the jitter. Default Math.random. */
  random?: () => number;
  /**
   * An endpoint is disabled (and `endpoint.disabled` published) once it has failed `failures`
   * times in a row over at least `windowMs`. Default 10 failures over 24 h; false never disables.
   */
  disableAfter?: { failures: number; windowMs: number } | false;
  /**
   * Days the delivery log is kept: delivered and failed messages with no activity for this long
   * are deleted with their attempts, and so are older attempts and idempotency keys. Pending
   * messages are never deleted. The worker prunes hourly (`plugboard.worker`);
   * `dispatcher.prune()` does it on demand. Default 30; false keeps everything.
   */
  retentionDays?: number | false;
  /**
   * PEM certificates the built-in Node transport trusts besides Node's own roots, for a receiver
   * with a certificate of its own making (a demo's simulated Pumble on loopback). Default none.
   */
  trustedCertificates?: readonly string[];
  /** The text a chat destination (Pumble, Slack) shows for an event. */
  formatChatMessage?: (payload: WebhookPayload, endpoint: WebhookEndpoint) => string;
  dispatcher?: DispatcherOptions;
}

export interface DispatcherOptions {
  /** Messages claimed per round. Default 100. */
  batchSize?: number;
  /** Requests in flight at once. Default 32. */
  concurrency?: number;
  /** How long `start()` sleeps when nothing is due. Default 1000 ms. */
  pollIntervalMs?: number;
  /**
   * How long a claim holds. A process that dies mid-send leaves its claims, which lapse after this
   * and are sent again by another dispatcher. Default 60 000 ms (well over the timeout).
   */
  leaseMs?: number;
}

export type ResolvedWebhooksOptions = Required<
  Omit<
    WebhooksOptions,
    keyof UrlGuardOptions | "dispatcher" | "disableAfter" | "fetch" | "retentionDays"
  >
> & {
  retentionDays: number | false;
  guard: UrlGuardOptions;
  fetch: ((input: string, init: RequestInit) => Promise<Response>) | null;
  disableAfter: { failures: number; windowMs: number } | false;
  dispatcher: Required<DispatcherOptions>;
};

export function resolveWebhooksOptions(
  options: WebhooksOptions = {},
  formatChatMessage: ResolvedWebhooksOptions["formatChatMessage"],
): ResolvedWebhooksOptions {
  const { allowHttp, allowAddresses, resolveHost, retentionDays } = options;
  // Zero, negative or NaN would prune the whole log: a configuration mistake.
  if (retentionDays !== undefined && retentionDays !== false && !(retentionDays > 0)) {
    throw new Error("webhooks.retentionDays must be a positive number of days, or false");
  }
  return {
    guard: {
      ...(allowHttp === undefined ? {} : { allowHttp }),
      ...(allowAddresses === undefined ? {} : { allowAddresses }),
      ...(resolveHost === undefined ? {} : { resolveHost }),
    },
    fetch: options.fetch ?? null,
    trustedCertificates: options.trustedCertificates ?? [],
    timeoutMs: options.timeoutMs ?? 15_000,
    maxPayloadBytes: options.maxPayloadBytes ?? 256 * 1024,
    responseBodyLimit: options.responseBodyLimit ?? 4096,
    retrySchedule: options.retrySchedule ?? defaultRetrySchedule,
    jitter: options.jitter ?? 0.1,
    random: options.random ?? Math.random,
    retentionDays: retentionDays ?? 30,
    disableAfter: options.disableAfter ?? { failures: 10, windowMs: 24 * 3_600_000 },
    formatChatMessage: options.formatChatMessage ?? formatChatMessage,
    dispatcher: {
      batchSize: options.dispatcher?.batchSize ?? 100,
      concurrency: options.dispatcher?.concurrency ?? 32,
      pollIntervalMs: options.dispatcher?.pollIntervalMs ?? 1000,
      leaseMs: options.dispatcher?.leaseMs ?? 60_000,
    },
  };
}
