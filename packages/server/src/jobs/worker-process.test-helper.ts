import { type ChildProcess, fork } from "node:child_process";
import { z } from "zod";
import { defineJob } from "./define";

/** The job the worker processes run: it records each execution in `test_executions`. */
export const countJob = defineJob("count", z.object({ n: z.number().int() }));

export const executionsTable =
  "create table if not exists test_executions (job_id text not null, pid integer not null)";

export type FromWorker =
  | { type: "ready" }
  | { type: "ran"; id: string; n: number }
  | { type: "holding"; n: number }
  | { type: "drained"; claimed: number }
  | { type: "stopped" };

export type ToWorker = "start" | "drain" | "stop";

export interface WorkerProcess {
  child: ChildProcess;
  send(message: ToWorker): void;
  /** Resolves with the next message of this type. */
  next<T extends FromWorker["type"]>(type: T): Promise<Extract<FromWorker, { type: T }>>;
  onRan(listener: (message: Extract<FromWorker, { type: "ran" }>) => void): void;
  kill(): Promise<void>;
}

/**
 * Forks `worker-process.fixture.ts` over a SQLite file (`PLUGBOARD_DB`) or a PostgreSQL schema
 * (`PLUGBOARD_PG_URL` + `PLUGBOARD_PG_SCHEMA`), and resolves once its worker is ready.
 */
export function forkWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = fork(new URL("./worker-process.fixture.ts", import.meta.url).pathname, {
    env: { ...process.env, ...env },
    execArgv: ["--conditions=@plugboard/source", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const worker: WorkerProcess = {
    child,
    send: (message) => child.send(message),
    next: (type) =>
      new Promise((resolve, reject) => {
        const listener = (message: FromWorker) => {
          if (message.type !== type) return;
          child.off("message", listener);
          child.off("exit", exited);
          resolve(message as never);
        };
        const exited = () => reject(new Error(`The worker process exited before "${type}"`));
        child.on("message", listener);
        child.once("exit", exited);
      }),
    onRan(listener) {
      child.on("message", (message: FromWorker) => {
        if (message.type === "ran") listener(message);
      });
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGKILL");
      await exited;
    },
  };
  return worker.next("ready").then(() => worker);
}
