import { type Kysely, PostgresAdapter, type Selectable, sql, type Transaction } from "kysely";
import type { Database } from "../stores/sql/schema";
import type { JobsDatabase, JobsTable } from "./sql-schema";
import {
  type EnqueueResult,
  type JobRecord,
  type JobState,
  type JobStore,
  type JsonValue,
  lapsedError,
  type NewJob,
} from "./types";

type Db = Kysely<JobsDatabase> | Transaction<JobsDatabase>;

/** Cleared when a job finishes: the dedupe key is free again, and claims never scan it. */
const finished = { due_at: null, live_dedupe_key: null, lease_owner: null } as const;

/**
 * The queue over Kysely, for SQLite and PostgreSQL. A claim is one `UPDATE … WHERE id IN
 * (SELECT … LIMIT n) RETURNING *`: atomic on SQLite (one writer), and on PostgreSQL the inner
 * select takes `FOR UPDATE SKIP LOCKED`, so concurrent workers split the due rows between them.
 */
export function sqlJobs(
  database: Kysely<Database>,
  options: { isUniqueViolation(error: unknown): boolean },
): JobStore {
  const db = database.withTables<JobsDatabase>();
  const skipLocked = db.getExecutor().adapter instanceof PostgresAdapter;

  async function insert(trx: Db, job: NewJob): Promise<EnqueueResult> {
    // Twice at most: the live job holding the key may finish between the insert and the read.
    for (let round = 0; ; round++) {
      const row = await trx
        .insertInto("plugboard_jobs")
        .values({
          id: job.id,
          queue: job.queue,
          payload: JSON.stringify(job.payload),
          state: "pending",
          run_at: job.runAt,
          due_at: job.runAt,
          attempts: 0,
          max_attempts: job.maxAttempts,
          dedupe_key: job.dedupeKey,
          live_dedupe_key: job.dedupeKey,
          lease_owner: null,
          last_error: null,
          created_at: job.createdAt,
          updated_at: job.createdAt,
        })
        .onConflict((conflict) => conflict.column("live_dedupe_key").doNothing())
        .returningAll()
        .executeTakeFirst();
      if (row) return { job: toJob(row), created: true };
      const existing = await trx
        .selectFrom("plugboard_jobs")
        .selectAll()
        .where("live_dedupe_key", "=", job.dedupeKey)
        .executeTakeFirst();
      if (existing) return { job: toJob(existing), created: false };
      if (round > 0) throw new Error(`Could not enqueue job ${job.id}: its dedupe key kept moving`);
    }
  }

  return {
    enqueue: (job) => insert(db, job),

    async claim({ queues, now, limit, owner, leaseUntil }) {
      if (queues.length === 0 || limit <= 0) return [];
      let due = db
        .selectFrom("plugboard_jobs")
        .select("id")
        .where("due_at", "<=", now)
        .where("queue", "in", [...queues])
        .orderBy("due_at")
        .limit(limit);
      if (skipLocked) due = due.forUpdate().skipLocked();
      // A lapsed lease with no attempts left: the job dies here instead of running again.
      const exhausted = sql<boolean>`(state = 'running' and attempts >= max_attempts)`;
      const lease = sql<number>`cast(${leaseUntil} as bigint)`;
      const rows = await db
        .updateTable("plugboard_jobs")
        .set({
          state: sql`case when ${exhausted} then 'dead' else 'running' end`,
          lease_owner: sql`case when ${exhausted} then null else ${owner} end`,
          run_at: sql`case when ${exhausted} then run_at else ${lease} end`,
          due_at: sql`case when ${exhausted} then null else ${lease} end`,
          live_dedupe_key: sql`case when ${exhausted} then null else live_dedupe_key end`,
          attempts: sql`case when ${exhausted} then attempts else attempts + 1 end`,
          last_error: sql`case when ${exhausted} then ${lapsedError} else last_error end`,
          updated_at: now,
        })
        .where("id", "in", due)
        .returningAll()
        .execute();
      return rows
        .map(toJob)
        .filter((job) => job.state === "running")
        .sort((a, b) => a.createdAt - b.createdAt);
    },

    async complete(ids, owner, at) {
      if (ids.length === 0) return 0;
      const result = await db
        .updateTable("plugboard_jobs")
        .set({ ...finished, state: "succeeded", updated_at: at })
        .where("id", "in", [...ids])
        .where("state", "=", "running")
        .where("lease_owner", "=", owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async fail(id, owner, { error, at, retryAt }) {
      const result = await db
        .updateTable("plugboard_jobs")
        .set(
          retryAt === null
            ? { ...finished, state: "dead", last_error: error, updated_at: at }
            : {
                state: "pending",
                run_at: retryAt,
                due_at: retryAt,
                lease_owner: null,
                last_error: error,
                updated_at: at,
              },
        )
        .where("id", "=", id)
        .where("state", "=", "running")
        .where("lease_owner", "=", owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async extendLeases(ids, owner, leaseUntil) {
      if (ids.length === 0) return 0;
      const result = await db
        .updateTable("plugboard_jobs")
        .set({ run_at: leaseUntil, due_at: leaseUntil })
        .where("id", "in", [...ids])
        .where("state", "=", "running")
        .where("lease_owner", "=", owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async get(id) {
      const row = await db
        .selectFrom("plugboard_jobs")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toJob(row) : null;
    },

    async list({ state, queue, limit = 100 }) {
      let query = db
        .selectFrom("plugboard_jobs")
        .selectAll()
        .where("state", "=", state)
        .orderBy("updated_at", "desc")
        .orderBy("id", "desc")
        .limit(limit);
      if (queue !== undefined) query = query.where("queue", "=", queue);
      return (await query.execute()).map(toJob);
    },

    async retryDead(id, at) {
      try {
        const row = await db
          .updateTable("plugboard_jobs")
          .set({
            state: "pending",
            attempts: 0,
            run_at: at,
            due_at: at,
            live_dedupe_key: sql`dedupe_key`,
            updated_at: at,
          })
          .where("id", "=", id)
          .where("state", "=", "dead")
          .returningAll()
          .executeTakeFirst();
        return row ? toJob(row) : null;
      } catch (error) {
        // A live job took the dedupe key meanwhile: that one runs instead.
        if (options.isUniqueViolation(error)) return null;
        throw error;
      }
    },

    async prune(state, before) {
      const result = await db
        .deleteFrom("plugboard_jobs")
        .where("state", "=", state)
        .where("updated_at", "<", before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async ensureSchedules(schedules, now) {
      for (const { name, everyMs } of schedules) {
        await db
          .insertInto("plugboard_job_schedules")
          .values({ name, every_ms: everyMs, next_run_at: now, updated_at: now })
          .onConflict((conflict) => conflict.column("name").doNothing())
          .execute();
        const soonest = sql<number>`cast(${now + everyMs} as bigint)`;
        await db
          .updateTable("plugboard_job_schedules")
          .set({
            every_ms: everyMs,
            next_run_at: sql`case when next_run_at > ${soonest} then ${soonest} else next_run_at end`,
            updated_at: now,
          })
          .where("name", "=", name)
          .where("every_ms", "<>", everyMs)
          .execute();
      }
    },

    async dueSchedules(names, now) {
      if (names.length === 0) return [];
      const rows = await db
        .selectFrom("plugboard_job_schedules")
        .selectAll()
        .where("name", "in", [...names])
        .where("next_run_at", "<=", now)
        .execute();
      return rows.map((row) => ({
        name: row.name,
        everyMs: Number(row.every_ms),
        nextRunAt: Number(row.next_run_at),
      }));
    },

    fireSchedule({ name, expectedRunAt, nextRunAt, job }) {
      return db.transaction().execute(async (trx) => {
        const moved = await trx
          .updateTable("plugboard_job_schedules")
          .set({ next_run_at: nextRunAt, updated_at: job.createdAt })
          .where("name", "=", name)
          .where("next_run_at", "=", expectedRunAt)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) === 0) return null;
        return (await insert(trx, job)).job;
      });
    },
  };
}

function toJob(row: Selectable<JobsTable>): JobRecord {
  return {
    id: row.id,
    queue: row.queue,
    payload: JSON.parse(row.payload) as JsonValue,
    state: row.state as JobState,
    runAt: Number(row.run_at),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    dedupeKey: row.dedupe_key,
    leaseOwner: row.lease_owner,
    lastError: row.last_error,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
