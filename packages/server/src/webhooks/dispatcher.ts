import { createId, type WebhookAttemptTrigger } from "@plugboard/core";
import { backgroundLoop } from "../background-loop";
import type { Logger } from "../logger";
import type { Store } from "../stores/types";
import type { ResolvedWebhooksOptions } from "./options";
import type { Publish } from "./publish";
import type { Sender } from "./send";
import type {
  WebhookAttemptRecord,
  WebhookEndpointRecord,
  WebhookMessageRecord,
  WebhookPruneResult,
} from "./store/types";

export interface DispatchRound {
  /** Messages claimed this round. */
  claimed: number;
  delivered: number;
  failed: number;
}

export interface Dispatcher {
  /** Delivers in the background until `stop()`: rounds back to back while work is due. */
  start(): void;
  /** Stops after the round in flight, which finishes (its claims are released by logging them). */
  stop(): Promise<void>;
  /** One round: claims what is due and delivers it. For serverless cron and tests. */
  runDue(): Promise<DispatchRound>;
  /**
   * Deletes the delivery log older than `retentionDays` (never a pending message). The worker's
   * hourly `plugboard.webhooks.prune` schedule calls it. Null when retention is off.
   */
  prune(): Promise<WebhookPruneResult | null>;
  /** Wakes a started dispatcher now instead of at its next poll (new messages were written). */
  notify(): void;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DeliveryDeps {
  store: Store;
  sender: Sender;
  options: ResolvedWebhooksOptions;
  logger: Logger;
  now: () => number;
  /** Late-bound: announcing a disabled endpoint publishes an event. */
  publish: () => Publish;
}

/** Sends one message once, logs the attempt, schedules what comes next, disables if warranted. */
export function createDelivery(deps: DeliveryDeps) {
  const { store, sender, options, logger, now } = deps;

  function nextAttemptAt(message: WebhookMessageRecord, at: number, retryAfter: number | null) {
    const delay = options.retrySchedule[message.attemptCount + 1];
    if (delay === undefined) return null;
    const jittered = delay * (1 + options.jitter * (2 * options.random() - 1));
    // Honour the receiver's Retry-After, but never wait past a day on its say-so.
    const honoured = retryAfter === null ? 0 : Math.min(retryAfter - at, 24 * 3_600_000);
    return at + Math.round(Math.max(jittered, honoured));
  }

  async function disable(endpoint: WebhookEndpointRecord, reason: "gone" | "failing", at: number) {
    const disabled = await store.webhooks.disableEndpoint(endpoint.id, reason, at);
    if (!disabled) return; // another dispatcher got there first and announced it
    logger.warn("Disabled a webhook endpoint", { endpointId: endpoint.id, reason });
    await deps
      .publish()({
        organizationId: endpoint.organizationId,
        projectId: endpoint.projectId,
        type: "endpoint.disabled",
        data: {
          endpointId: endpoint.id,
          url: endpoint.url,
          reason,
          disabledAt: new Date(at).toISOString(),
        },
      })
      .catch((error: unknown) =>
        logger.error("Could not publish endpoint.disabled", {
          endpointId: endpoint.id,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
  }

  return async function deliver(
    endpoint: WebhookEndpointRecord,
    message: WebhookMessageRecord,
    owner: string | null,
  ): Promise<WebhookAttemptRecord> {
    const trigger: WebhookAttemptTrigger = message.trigger;
    const result = await sender.send(endpoint, message);
    const at = now();
    const gone = result.responseStatus === 410;
    const retryAt =
      result.ok || gone || trigger === "test"
        ? null
        : nextAttemptAt(message, at, result.retryAfter);
    const attempt: WebhookAttemptRecord = {
      id: createId("att"),
      organizationId: message.organizationId,
      messageId: message.id,
      endpointId: endpoint.id,
      status: result.ok ? "succeeded" : "failed",
      trigger,
      responseStatus: result.responseStatus,
      responseBody: result.responseBody,
      error: result.error,
      latencyMs: result.latencyMs,
      nextRetryAt: retryAt,
      createdAt: at,
    };
    const status = result.ok ? "succeeded" : retryAt === null ? "failed" : "pending";
    const health = await store.webhooks.recordAttempt(
      attempt,
      { status, nextAttemptAt: retryAt },
      owner,
    );
    if (gone) await disable(endpoint, "gone", at);
    else if (health && !result.ok && options.disableAfter && health.enabled) {
      const { failures, windowMs } = options.disableAfter;
      if (health.consecutiveFailures >= failures && at - (health.failingSince ?? at) >= windowMs) {
        await disable(health, "failing", at);
      }
    }
    return attempt;
  };
}

export type Deliver = ReturnType<typeof createDelivery>;

async function eachConcurrently<T>(items: T[], limit: number, run: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function createDispatcher(
  deps: Pick<DeliveryDeps, "store" | "options" | "logger" | "now">,
  deliver: Deliver,
): Dispatcher {
  const { store, options, logger, now } = deps;
  const { batchSize, concurrency, pollIntervalMs, leaseMs } = options.dispatcher;
  // One owner per dispatcher: a claim names who may finish it.
  const owner = createId("dsp");

  async function prune(): Promise<WebhookPruneResult | null> {
    if (options.retentionDays === false) return null;
    return store.webhooks.prune(now() - options.retentionDays * DAY);
  }

  async function runDue(): Promise<DispatchRound> {
    const at = now();
    const claimed = await store.webhooks.claimDue(at, batchSize, owner, at + leaseMs);
    const round: DispatchRound = { claimed: claimed.length, delivered: 0, failed: 0 };
    if (claimed.length === 0) return round;
    const ids = [...new Set(claimed.map((message) => message.endpointId))];
    const endpoints = new Map(
      (await store.webhooks.getEndpointsById(ids)).map((endpoint) => [endpoint.id, endpoint]),
    );
    const live = claimed.filter((message) => endpoints.get(message.endpointId)?.enabled);
    // Queued before their endpoint was disabled: they fail now; `recover` can queue them again.
    const stranded = claimed.filter((message) => !live.includes(message));
    await store.webhooks.failMessages(
      stranded.map((message) => message.id),
      owner,
    );
    round.failed += stranded.length;
    await eachConcurrently(live, concurrency, async (message) => {
      const endpoint = endpoints.get(message.endpointId) as WebhookEndpointRecord;
      try {
        const attempt = await deliver(endpoint, message, owner);
        if (attempt.status === "succeeded") round.delivered += 1;
        else round.failed += 1;
      } catch (error) {
        // The claim lapses and the message is retried; only the reason is logged.
        round.failed += 1;
        logger.error("Webhook delivery failed unexpectedly", {
          messageId: message.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    });
    return round;
  }

  // A full batch means more may be due: the next round starts at once.
  const loop = backgroundLoop(async () => {
    try {
      return (await runDue()).claimed === batchSize;
    } catch (error) {
      logger.error("Webhook dispatcher round failed", {
        error: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  }, pollIntervalMs);

  return {
    runDue,
    prune,
    start: loop.start,
    stop: loop.stop,
    notify: loop.wake,
  };
}
