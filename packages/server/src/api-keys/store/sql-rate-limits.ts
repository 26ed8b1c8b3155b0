import { type Kysely, sql } from "kysely";
import { groupCommit } from "../../stores/sql/group-commit";
import type { SqlStoreOptions } from "../../stores/sql/options";
import type { Database } from "../../stores/sql/schema";
import { type RateLimiter, rateLimitResult, windowStart } from "./types";

type Hit = { bucket: string; start: number };
type Count = { count: number; windowStart: number };

/**
 * One row per bucket, counted by a single INSERT … ON CONFLICT DO UPDATE … RETURNING: atomic on
 * PostgreSQL (the conflicting row is locked) and on SQLite (one writer at a time). A row from an
 * older window starts over; one from a newer window (another instance's clock ahead of ours)
 * keeps counting, so skewed clocks never reset a window early. On SQLite concurrent hits are
 * group-committed, and the hits of one batch on one bucket are counted by one upsert of `n`:
 * each caller still gets its own count (the n counts that upsert ended on, in arrival order).
 */
export function sqlRateLimits(
  db: Kysely<Database>,
  options: Pick<SqlStoreOptions, "groupCommits">,
): RateLimiter {
  async function add(executor: Kysely<Database>, { bucket, start }: Hit, n: number) {
    const { rows } = await sql<{ count: number | string; window_start: number | string }>`
      insert into plugboard_rate_limits (bucket, window_start, count)
      values (${bucket}, ${start}, ${n})
      on conflict (bucket) do update set
        count = case when plugboard_rate_limits.window_start >= excluded.window_start
          then plugboard_rate_limits.count + excluded.count else excluded.count end,
        window_start = case when plugboard_rate_limits.window_start >= excluded.window_start
          then plugboard_rate_limits.window_start else excluded.window_start end
      returning count, window_start`.execute(executor);
    const row = rows[0];
    if (!row) throw new Error("The rate-limit upsert returned no row");
    return { count: Number(row.count), windowStart: Number(row.window_start) };
  }

  const count = options.groupCommits
    ? groupCommit(
        db,
        async (trx, hits: Hit[]) => {
          const same = new Map<string, number[]>();
          for (const [index, { bucket, start }] of hits.entries()) {
            const key = `${start}:${bucket}`;
            const indexes = same.get(key);
            if (indexes) indexes.push(index);
            else same.set(key, [index]);
          }
          const counts: Count[] = new Array(hits.length);
          for (const indexes of same.values()) {
            const total = await add(trx, hits[indexes[0] as number] as Hit, indexes.length);
            for (const [order, index] of indexes.entries()) {
              counts[index] = {
                count: total.count - indexes.length + order + 1,
                windowStart: total.windowStart,
              };
            }
          }
          return counts;
        },
        true,
      )
    : // Where each writer has a connection of its own (PostgreSQL), one autocommitted statement.
      (hit: Hit) => add(db, hit, 1);
  return {
    async hit(bucket, limit, windowMs, now) {
      const { count: hits, windowStart: start } = await count({
        bucket,
        start: windowStart(now, windowMs),
      });
      return rateLimitResult(hits, limit, start, windowMs);
    },
  };
}
