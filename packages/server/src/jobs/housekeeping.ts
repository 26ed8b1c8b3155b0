import type { PlugboardContext } from "../context";
import { warnExpiringCertificates } from "../sso/certificate-expiry";
import type { ResolvedJobsOptions } from "./options";
import type { JobWorker } from "./worker";

const HOUR = 3_600_000;

/**
 * Plugboard's own recurring work, on the worker so that one process runs each tick and a failure
 * is retried and, in the end, visible as a dead job: pruning what each feature keeps for a while.
 */
export function scheduleHousekeeping(
  worker: JobWorker,
  context: PlugboardContext,
  options: ResolvedJobsOptions,
): void {
  const { store, now } = context;
  const { retention } = options;
  if (retention) {
    worker.schedule({
      name: "plugboard.jobs.prune",
      everyMs: HOUR,
      async run() {
        await store.jobs.prune("succeeded", now() - retention.succeededMs);
        await store.jobs.prune("dead", now() - retention.deadMs);
      },
    });
  }
  if (context.webhooks.options.retentionDays !== false) {
    worker.schedule({
      name: "plugboard.webhooks.prune",
      everyMs: HOUR,
      async run() {
        await context.webhooks.dispatcher.prune();
      },
    });
  }
  worker.schedule({
    name: "plugboard.github.prune-deliveries",
    everyMs: HOUR,
    async run() {
      await store.github.pruneDeliveries(now() - context.github.deliveries.retentionMs);
    },
  });
  if (context.slack.options?.signingSecret) {
    worker.schedule({
      name: "plugboard.slack.prune-inbound",
      everyMs: HOUR,
      async run() {
        // Slack retries an event within minutes: a day of seen ids is plenty.
        await store.slack.pruneInbound(now() - 24 * HOUR);
      },
    });
  }
  worker.schedule({
    name: "plugboard.api-keys.prune-usage",
    everyMs: HOUR,
    async run() {
      await context.apiKeys.pruneUsage();
    },
  });
  if (context.sso.configured) {
    worker.schedule({
      name: "plugboard.sso.prune",
      everyMs: HOUR,
      async run() {
        await store.sso.deleteExpired(now());
      },
    });
    worker.schedule({
      name: "plugboard.sso.certificate-expiry",
      everyMs: 24 * HOUR,
      async run() {
        await warnExpiringCertificates(context);
      },
    });
  }
  worker.schedule({
    name: "plugboard.oauth.prune-states",
    everyMs: HOUR,
    async run() {
      await store.oauthStates.deleteExpired(now());
    },
  });
}
