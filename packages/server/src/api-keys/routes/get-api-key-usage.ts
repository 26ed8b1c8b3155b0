import { type ApiKeyUsageGranularity, apiKeyContracts, PlugboardError } from "@plugboard/core";
import { implement } from "../../http/route";
import { findManagedKey } from "./access";
import { usageStats } from "./usage-stats";

const hourMs = 60 * 60 * 1000;
/** Keeps a response (and the rows read for it) bounded: 31 days by hour, 400 by day. */
const maxRange: Record<ApiKeyUsageGranularity, number> = {
  hour: 31 * 24 * hourMs,
  day: 400 * 24 * hourMs,
};

/** Requests over time, errors, status codes, p50/p95 latency and top endpoints of one key. */
export const getApiKeyUsage = implement(apiKeyContracts.usage, {
  async handle({ params, query, identity, context }) {
    const record = await findManagedKey(context, identity, params.keyId);
    // `to` is exclusive: by default, up to and including this millisecond.
    const to = query.to ? Date.parse(query.to) : context.now() + 1;
    const from = query.from ? Date.parse(query.from) : to - 24 * hourMs;
    const granularity = query.granularity ?? (to - from > 2 * 24 * hourMs ? "day" : "hour");
    if (from >= to) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: "`from` must be before `to`",
        errors: [{ path: "from", message: "Must be before to" }],
      });
    }
    if (to - from > maxRange[granularity]) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: `That range is too long for ${granularity}ly buckets`,
        errors: [{ path: "from", message: "Range too long" }],
      });
    }
    const rows = await context.store.apiKeys.listUsage(
      identity.organizationId,
      record.id,
      from,
      to,
    );
    return usageStats(record.id, rows, from, to, granularity);
  },
});
