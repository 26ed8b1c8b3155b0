import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { formatTable, type Suite } from "./harness";
import { benchJob, type JobsDatabase, jobsKit } from "./jobs-setup";
import { measureDelivery, perSecond } from "./webhook-delivery";

const target = 2000;
const jobs = 5000;
const postgresUrl =
  process.env.PLUGBOARD_BENCH_POSTGRES_URL ?? process.env.PLUGBOARD_TEST_POSTGRES_URL;

interface JobsMeasurement {
  enqueueMs: number;
  runMs: number;
}

/** Forks `jobs-worker.ts` and resolves once its worker is ready. */
function forkWorker(database: JobsDatabase, onRan: (count: number) => void) {
  return new Promise<ChildProcess>((resolve, reject) => {
    const child = fork(
      new URL("./jobs-worker.ts", import.meta.url).pathname,
      [JSON.stringify(database)],
      {
        execArgv: ["--conditions=@plugboard/source", "--import", "tsx"],
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      },
    );
    child.once("error", reject);
    child.on("message", (message: "ready" | { ran: number }) => {
      if (message === "ready") resolve(child);
      else onRan(message.ran);
    });
  });
}

/** Enqueues `jobs` no-op jobs, then times `processes` worker processes running them all. */
async function measureJobs(database: JobsDatabase, processes: number): Promise<JobsMeasurement> {
  const { store, worker } = await jobsKit(database);
  const enqueueStart = performance.now();
  for (let start = 0; start < jobs; start += 100) {
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => worker.enqueue(benchJob, { n: start + i })),
    );
  }
  const enqueueMs = performance.now() - enqueueStart;
  await store.close();

  let ran = 0;
  let finished: () => void = () => {};
  const allRan = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const children = await Promise.all(
    Array.from({ length: processes }, () =>
      forkWorker(database, (count) => {
        ran += count;
        if (ran >= jobs) finished();
      }),
    ),
  );
  const stopAll = () =>
    Promise.all(
      children.map(
        (child) =>
          new Promise((exited) => {
            if (child.exitCode !== null || child.signalCode !== null) return exited(null);
            child.once("exit", exited);
            child.send("stop");
          }),
      ),
    );
  try {
    const start = performance.now();
    for (const child of children) child.send("start");
    await allRan;
    // Every handler ran; stopping waits until every outcome is recorded too.
    await stopAll();
    return { enqueueMs, runMs: performance.now() - start };
  } finally {
    await stopAll();
  }
}

async function onSqlite(): Promise<JobsMeasurement> {
  const directory = await mkdtemp(join(tmpdir(), "plugboard-bench-jobs-"));
  try {
    // One process per SQLite file (it has one writer): the embedded deployment.
    return await measureJobs({ kind: "sqlite", file: join(directory, "jobs.db") }, 1);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function onPostgres(url: string, processes: number): Promise<JobsMeasurement> {
  const schema = `plugboard_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`create schema "${schema}"`);
  try {
    return await measureJobs({ kind: "postgres", url, schema }, processes);
  } finally {
    await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.end();
  }
}

/**
 * Jobs claimed, run (a no-op) and marked done by worker processes (concurrency 100 each), beside
 * the webhook outbox's delivery rate measured in the same run, on the same machine.
 */
export const jobsThroughput: Suite = {
  name: "Jobs throughput (SQLite, PostgreSQL) beside outbox delivery",
  async run() {
    const delivery = await measureDelivery(jobs);
    const rows: string[][] = [
      [
        "outbox delivery (sign + POST + log), SQLite",
        "1",
        `${delivery.deliverMs.toFixed(0)} ms`,
        perSecond(jobs, delivery.deliverMs).toFixed(0),
        "",
        "",
      ],
    ];
    const results: Array<[string, number]> = [];
    const add = (label: string, processes: number, measured: JobsMeasurement) => {
      const rate = perSecond(jobs, measured.runMs);
      results.push([label, rate]);
      rows.push([
        label,
        String(processes),
        `${measured.runMs.toFixed(0)} ms`,
        rate.toFixed(0),
        perSecond(jobs, measured.enqueueMs).toFixed(0),
        `≥ ${target}`,
      ]);
    };
    add("jobs, SQLite", 1, await onSqlite());
    if (postgresUrl) {
      add("jobs, PostgreSQL", 1, await onPostgres(postgresUrl, 1));
      add("jobs, PostgreSQL", 2, await onPostgres(postgresUrl, 2));
    }
    console.log(
      formatTable(
        [
          "what",
          "worker processes (×100)",
          `time for ${jobs}`,
          "per second",
          "enqueued/s",
          "target",
        ],
        rows,
      ),
    );
    if (!postgresUrl) {
      console.log(
        "\nPostgreSQL NOT measured: set PLUGBOARD_BENCH_POSTGRES_URL (or PLUGBOARD_TEST_POSTGRES_URL).",
      );
    }
    for (const [label, rate] of results) {
      console.log(
        `${rate >= target ? "PASS" : "FAIL"}: ${label}: ${rate.toFixed(0)} jobs/s (target ≥ ${target})`,
      );
    }
  },
};
