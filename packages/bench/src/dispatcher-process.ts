import { ask, forkModule, killChild } from "./child-process";
import type { DispatcherMemory, DispatcherOptions } from "./delivery-setup";

export interface DispatcherProcess {
  /** Starts delivering; resolves once the message is sent. */
  start(): void;
  memory(): Promise<DispatcherMemory>;
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
  const { child } = await forkModule(
    "./delivery-worker.ts",
    [database, key, JSON.stringify(options)],
    ["--expose-gc"],
  );
  return {
    start: () => child.send("start"),
    memory: () => ask<DispatcherMemory>(child, "memory"),
    kill: () => killChild(child),
  };
}
