import { type Kysely, sql } from "kysely";
import type { Database } from "../../stores/sql/schema";
import { type RateLimiter, rateLimitResult, windowStart } from "./types";

/**
 * One row per bucket, counted by a single INSERT … ON CONFLICT DO UPDATE … RETURNING: atomic on
 * PostgreSQL (the conflicting row is locked) and on SQLite (one writer at a time). A row from an
 * older window starts over at 1; one from a newer window (another instance's clock ahead of
 * ours) keeps counting, so skewed clocks never reset a window early.
 */
export function sqlRateLimits(db: Kysely<Database>): RateLimiter {
  return {
    async hit(bucket, limit, windowMs, now) {
      const start = windowStart(now, windowMs);
      const { rows } = await sql<{ count: number | string; window_start: number | string }>`
        insert into plugboard_rate_limits (bucket, window_start, count)
        values (${bucket}, ${start}, 1)
        on conflict (bucket) do update set
          count = case when plugboard_rate_limits.window_start >= excluded.window_start
            then plugboard_rate_limits.count + 1 else 1 end,
          window_start = case when plugboard_rate_limits.window_start >= excluded.window_start
            then plugboard_rate_limits.window_start else excluded.window_start end
        returning count, window_start`.execute(db);
      const row = rows[0];
      if (!row) throw new Error("The rate-limit upsert returned no row");
      return rateLimitResult(Number(row.count), limit, Number(row.window_start), windowMs);
    },
  };
}
