import { type Kysely, sql } from "kysely";
import { type RateLimiter, rateLimitResult, windowStart } from "../api-key-types";
import { groupCommit, oneByOne } from "./group-commit";
import type { Database } from "./schema";
import type { SqlStoreOptions } from "./sql-store";

/**
 * One row per bucket, counted by a single INSERT … ON CONFLICT DO UPDATE … RETURNING: atomic on
 * PostgreSQL (the conflicting row is locked) and on SQLite (one writer at a time). A row from an
 * older window starts over at 1; one from a newer window (another instance's clock ahead of
 * ours) keeps counting, so skewed clocks never reset a window early. On SQLite concurrent hits
 * share a commit (group-commit): each still runs its own upsert and gets its
 * own count, but the commit, which costs more than the upsert, is paid once.
 */
export function sqlRateLimits(
  db: Kysely<Database>,
  options: Pick<SqlStoreOptions, "groupCommits">,
): RateLimiter {
  type Hit = { bucket: string; start: number };
  const upsert = async (executor: Kysely<Database>, { bucket, start }: Hit) => {
    const { rows } = await sql<{ count: number | string; window_start: number | string }>`
      insert into plugboard_rate_limits (bucket, window_start, count)
      values (${bucket}, ${start}, 1)
      on conflict (bucket) do update set
        count = case when plugboard_rate_limits.window_start >= excluded.window_start
          then plugboard_rate_limits.count + 1 else 1 end,
        window_start = case when plugboard_rate_limits.window_start >= excluded.window_start
          then plugboard_rate_limits.window_start else excluded.window_start end
      returning count, window_start`.execute(executor);
    const row = rows[0];
    if (!row) throw new Error("The rate-limit upsert returned no row");
    return row;
  };
  // Where each writer has a connection of its own (PostgreSQL), one autocommitted statement.
  const count = options.groupCommits
    ? groupCommit(db, oneByOne(upsert), true)
    : (hit: Hit) => upsert(db, hit);
  return {
    async hit(bucket, limit, windowMs, now) {
      const row = await count({ bucket, start: windowStart(now, windowMs) });
      return rateLimitResult(Number(row.count), limit, Number(row.window_start), windowMs);
    },
  };
}
