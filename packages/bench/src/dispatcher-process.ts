import { forkModule, killChild } from "./child-process";
import type { DispatcherOptions } from "./delivery-setup";

export interface DispatcherProcess {
  /** Starts delivering; resolves once the message is sent. */
  start(): void;
  kill(): Promise<void>;
}

/** Forks `delivery-worker.ts` over the SQLite outbox `file` and waits until it is ready. */
export async function forkDispatcher(
  file: string,
  key: string,
  options: DispatcherOptions,
): Promise<DispatcherProcess> {
  const { child } = await forkModule("./delivery-worker.ts", [file, key, JSON.stringify(options)]);
  return { start: () => child.send("start"), kill: () => killChild(child) };
}
