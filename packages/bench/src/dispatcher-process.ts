import { type ChildProcess, fork } from "node:child_process";
import type { DispatcherOptions } from "./delivery-setup";

export interface DispatcherProcess {
  /** Starts delivering; resolves once the message is sent. */
  start(): void;
  kill(): Promise<void>;
}

/** Forks `delivery-worker.ts` over the SQLite outbox `file` and waits until it is ready. */
export function forkDispatcher(
  file: string,
  key: string,
  options: DispatcherOptions,
): Promise<DispatcherProcess> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = fork(
      new URL("./delivery-worker.ts", import.meta.url).pathname,
      [file, key, JSON.stringify(options)],
      {
        execArgv: ["--conditions=@plugboard/source", "--import", "tsx"],
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      },
    );
    child.once("error", reject);
    child.once("message", () =>
      resolve({
        start: () => child.send("start"),
        kill: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((done) => child.once("exit", done));
          child.kill("SIGKILL");
          await exited;
        },
      }),
    );
  });
}
