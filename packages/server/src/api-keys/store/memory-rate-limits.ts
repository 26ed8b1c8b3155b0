import { type RateLimiter, rateLimitResult, windowStart } from "./types";

/** One counter per bucket; `hit` never awaits between reading and writing, so it is atomic. */
export function memoryRateLimits(): RateLimiter & { clear(): void } {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async hit(bucket, limit, windowMs, now) {
      const start = windowStart(now, windowMs);
      const current = windows.get(bucket);
      const window = current && current.start >= start ? current : { start, count: 0 };
      window.count += 1;
      windows.set(bucket, window);
      return rateLimitResult(window.count, limit, window.start, windowMs);
    },
    clear() {
      windows.clear();
    },
  };
}
