import { ask, forkModule, killChild } from "./child-process";
import type { DispatcherOptions } from "./delivery-setup";

export interface DispatcherProcess {
  /** Starts delivering; resolves once the message is sent. */
  start(): void;
  /** The process's peak resident set size so far, MiB. */
  peakRssMiB(): Promise<number>;
  kill(): Promise<void>;
}

/**
 * Forks `delivery-worker.ts` over the outbox in `database` (a SQLite file or a PostgreSQL URL)
 * and waits until it is ready.
 */
export async function forkDispatcher(
  database: string,
  key: string,
  options: DispatcherOptions,
): Promise<DispatcherProcess> {
  const { child } = await forkModule("./delivery-worker.ts", [
    database,
    key,
    JSON.stringify(options),
  ]);
  return {
    start: () => child.send("start"),
    peakRssMiB: () => ask<number>(child, "rss"),
    kill: () => killChild(child),
  };
}
