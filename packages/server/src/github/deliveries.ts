import type { PlugboardContext } from "../context";

const pruneEveryMs = 60 * 60 * 1000;

/**
 * Forgets delivery ids older than the retention period, at most hourly per process. A failure
 * is logged, never thrown: the delivery being received matters more than the housekeeping.
 */
export async function pruneGitHubDeliveriesWhenDue(context: PlugboardContext): Promise<void> {
  const deliveries = context.github.deliveries;
  const now = context.now();
  if (now - deliveries.lastPrunedAt < pruneEveryMs) return;
  // Claimed before the await, so concurrent deliveries do not all prune.
  deliveries.lastPrunedAt = now;
  try {
    await context.store.github.pruneDeliveries(now - deliveries.retentionMs);
  } catch (error) {
    context.logger.error("Could not prune GitHub webhook deliveries", {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
