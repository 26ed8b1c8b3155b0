import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { postgresStore } from "../stores/postgres/index";
import { sqliteStore } from "../stores/sqlite/index";
import type { Store } from "../stores/types";
import { resolveJobsOptions } from "./options";
import { createWorker } from "./worker";
import {
  countJob,
  executionsTable,
  forkWorker,
  type WorkerProcess,
} from "./worker-process.test-helper";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Enqueues `count` jobs through the worker API, a few at a time. */
async function enqueueCounts(store: Store, count: number): Promise<void> {
  const enqueuer = createWorker({
    store,
    logger: { warn() {}, error() {} },
    now: Date.now,
    options: resolveJobsOptions(),
  });
  for (let start = 0; start < count; start += 50) {
    const batch = Array.from({ length: Math.min(50, count - start) }, (_, i) => start + i);
    await Promise.all(batch.map((n) => enqueuer.enqueue(countJob, { n })));
  }
}

async function spawn(env: Record<string, string>): Promise<WorkerProcess> {
  const worker = await forkWorker(env);
  cleanups.push(() => worker.kill());
  return worker;
}

describe("job worker crash recovery (SQLite)", () => {
  it("completes every job after its worker is SIGKILLed mid-run and restarted", async () => {
    const directory = await mkdtemp(join(tmpdir(), "plugboard-jobs-crash-"));
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    const file = join(directory, "jobs.db");
    const total = 300;
    const setup = await sqliteStore(file);
    await enqueueCounts(setup, total);
    await setup.close();
    // Short leases, so the killed worker's claims lapse within the test.
    const env = { PLUGBOARD_DB: file, JOBS_LEASE_MS: "1500" };

    const first = await spawn({ ...env, JOBS_HOLD: "150" });
    first.send("start");
    await first.next("holding");
    await first.kill();

    const afterCrash = await sqliteStore(file);
    // Plugboard's own housekeeping schedules ran too: only the count jobs matter here.
    const counted = async (state: "succeeded" | "running", store = afterCrash) =>
      (await store.jobs.list({ state, limit: total + 100 })).filter((job) => job.queue === "count");
    const done = new Set((await counted("succeeded")).map((job) => job.id));
    const interrupted = await counted("running");
    await afterCrash.close();
    expect(done.size).toBeLessThan(total);
    // The held job, at least, was mid-run when the process died.
    expect(interrupted.length).toBeGreaterThan(0);

    const second = await spawn(env);
    const left = total - done.size;
    const ranAgain = new Set<string>();
    const allRan = new Promise<void>((resolve) => {
      second.onRan(({ id }) => {
        ranAgain.add(id);
        if (ranAgain.size === left) resolve();
      });
    });
    second.send("start");
    await allRan;
    second.send("stop");
    await second.next("stopped");

    const check = await sqliteStore(file);
    cleanups.push(() => check.close());
    expect(await counted("succeeded", check)).toHaveLength(total);
    expect(await check.jobs.list({ state: "running" })).toEqual([]);
    expect(await check.jobs.list({ state: "pending" })).toEqual([]);
    expect(await check.jobs.list({ state: "dead" })).toEqual([]);
    for (const job of interrupted) expect(ranAgain.has(job.id)).toBe(true);
    const database = new Database(file, { readonly: true });
    try {
      const executed = database
        .prepare("select count(distinct job_id) as jobs from test_executions")
        .get() as { jobs: number };
      expect(executed.jobs).toBe(total);
    } finally {
      database.close();
    }
  }, 60_000);
});

const postgresUrl = process.env.PLUGBOARD_TEST_POSTGRES_URL;

describe.skipIf(!postgresUrl)("two job worker processes on PostgreSQL", () => {
  it("run 5,000 jobs between them, each exactly once while its lease holds", async () => {
    const url = postgresUrl as string;
    const schema = `plugboard_test_${Math.floor(Date.now() / 1000)}_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    cleanups.push(async () => {
      await admin.query(`drop schema if exists "${schema}" cascade`);
      await admin.end();
    });
    await admin.query(`create schema "${schema}"`);
    await admin.query(
      `${executionsTable.replace("test_executions", `"${schema}".test_executions`)}`,
    );
    const pool = new pg.Pool({
      connectionString: url,
      options: `-c search_path=${schema}`,
      max: 6,
    });
    cleanups.push(() => pool.end());
    const store = await postgresStore(pool);
    const total = 5_000;
    await enqueueCounts(store, total);

    const env = { PLUGBOARD_PG_URL: url, PLUGBOARD_PG_SCHEMA: schema };
    const workers = await Promise.all([spawn(env), spawn(env)]);
    const drained = workers.map((worker) => worker.next("drained"));
    for (const worker of workers) worker.send("drain");
    const claims = await Promise.all(drained);

    const { rows } = await pool.query<{ pid: number; runs: string; jobs: string }>(
      "select pid, count(*) as runs, count(distinct job_id) as jobs from test_executions group by pid",
    );
    const { rows: totals } = await pool.query<{ runs: string; jobs: string }>(
      "select count(*) as runs, count(distinct job_id) as jobs from test_executions",
    );
    expect(totals[0]).toEqual({ runs: String(total), jobs: String(total) });
    // Both processes took part.
    expect(rows).toHaveLength(2);
    expect(claims.reduce((sum, { claimed }) => sum + claimed, 0)).toBeGreaterThanOrEqual(total);
    const succeeded = await store.jobs.list({ state: "succeeded", limit: total + 100 });
    expect(succeeded.filter((job) => job.queue === "count")).toHaveLength(total);
    for (const state of ["pending", "running", "dead"] as const) {
      expect(await store.jobs.list({ state })).toEqual([]);
    }
    await store.close();
  }, 120_000);
});
