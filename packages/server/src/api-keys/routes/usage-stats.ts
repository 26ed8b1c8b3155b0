import type { ApiKeyUsageGranularity, ApiKeyUsageStats } from "@plugboard/core";
import type { ApiKeyUsageRecord } from "../store/types";

const unitMs: Record<ApiKeyUsageGranularity, number> = {
  hour: 60 * 60 * 1000,
  day: 24 * 60 * 60 * 1000,
};
const topEndpointCount = 5;

/** Buckets are aligned to whole UTC hours or days, so charts line up across ranges. */
export function usageStats(
  keyId: string,
  rows: readonly ApiKeyUsageRecord[],
  from: number,
  to: number,
  granularity: ApiKeyUsageGranularity,
): ApiKeyUsageStats {
  const unit = unitMs[granularity];
  const first = from - (from % unit);
  const series: ApiKeyUsageStats["series"] = [];
  for (let start = first; start < to; start += unit) {
    series.push({ start: new Date(start).toISOString(), requests: 0, errors: 0 });
  }
  const statuses = new Map<number, number>();
  const endpoints = new Map<string, { method: string; path: string; count: number }>();
  const latencies: number[] = [];
  let errors = 0;
  for (const row of rows) {
    const bucket = series[Math.floor((row.at - first) / unit)];
    const failed = row.status >= 400;
    if (bucket) {
      bucket.requests += 1;
      if (failed) bucket.errors += 1;
    }
    if (failed) errors += 1;
    statuses.set(row.status, (statuses.get(row.status) ?? 0) + 1);
    const endpoint = `${row.method} ${row.path}`;
    const seen = endpoints.get(endpoint) ?? { method: row.method, path: row.path, count: 0 };
    seen.count += 1;
    endpoints.set(endpoint, seen);
    latencies.push(row.latencyMs);
  }
  latencies.sort((a, b) => a - b);
  return {
    keyId,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    granularity,
    total: rows.length,
    errors,
    series,
    statusCodes: [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => ({ status, count })),
    latency: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
    topEndpoints: [...endpoints.values()]
      .sort((a, b) => b.count - a.count || a.path.localeCompare(b.path))
      .slice(0, topEndpointCount),
  };
}

/** Nearest-rank percentile of sorted values; null for none. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const value = sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
  return Math.round(value * 100) / 100;
}
