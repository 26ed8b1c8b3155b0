/**
 * A job worker in a process of its own, for the crash and multi-process tests: it runs `count`
 * jobs, recording each execution in `test_executions` and telling the parent, until told to stop
 * or killed. With JOBS_HOLD=n, job n never finishes: the parent kills the process mid-run.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { createPlugboard } from "../plugboard";
import { postgresStore } from "../stores/postgres/index";
import { sqliteStore } from "../stores/sqlite/index";
import {
  countJob,
  executionsTable,
  type FromWorker,
  type ToWorker,
} from "./worker-process.test-helper";

const send = (message: FromWorker) => process.send?.(message);
const { PLUGBOARD_DB, PLUGBOARD_PG_URL, PLUGBOARD_PG_SCHEMA, JOBS_HOLD, JOBS_LEASE_MS } =
  process.env;

let store: Awaited<ReturnType<typeof sqliteStore>>;
let record: (id: string) => Promise<unknown>;
if (PLUGBOARD_DB) {
  store = await sqliteStore(PLUGBOARD_DB);
  const database = new Database(PLUGBOARD_DB);
  database.pragma("busy_timeout = 5000");
  database.exec(executionsTable);
  const insert = database.prepare("insert into test_executions (job_id, pid) values (?, ?)");
  record = async (id) => insert.run(id, process.pid);
} else {
  const pool = new pg.Pool({
    connectionString: PLUGBOARD_PG_URL,
    options: `-c search_path=${PLUGBOARD_PG_SCHEMA}`,
    max: 8,
  });
  store = await postgresStore(pool);
  record = (id) =>
    pool.query("insert into test_executions (job_id, pid) values ($1, $2)", [id, process.pid]);
}

const plugboard = createPlugboard({
  store,
  authenticate: () => null,
  encryption: { currentKeyId: "k1", keys: { k1: Buffer.alloc(32, 7).toString("base64") } },
  jobs: { leaseMs: Number(JOBS_LEASE_MS ?? 60_000), pollIntervalMs: 50, concurrency: 8 },
});
const hold = JOBS_HOLD === undefined ? null : Number(JOBS_HOLD);
plugboard.worker.handle(countJob, async ({ n }, { job }) => {
  await record(job.id);
  if (n === hold) {
    send({ type: "holding", n });
    await new Promise(() => {}); // mid-run until the parent kills this process
  }
  send({ type: "ran", id: job.id, n });
});

process.on("message", async (message: ToWorker) => {
  if (message === "start") plugboard.worker.start();
  if (message === "drain") {
    let claimed = 0;
    for (;;) {
      const round = await plugboard.worker.runDue();
      if (round.claimed === 0) break;
      claimed += round.claimed;
    }
    send({ type: "drained", claimed });
  }
  if (message === "stop") {
    await plugboard.worker.stop();
    await store.close();
    send({ type: "stopped" });
    process.disconnect();
  }
});
send({ type: "ready" });
