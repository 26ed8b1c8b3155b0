import { generateEncryptionKey } from "@plugboard/server";
import { countingReceiver, waitFor } from "./delivery-receiver";
import {
  addEndpoint,
  type DispatcherMemory,
  type DispatcherOptions,
  deliveryKit,
  publishMany,
} from "./delivery-setup";
import { type DispatcherProcess, forkDispatcher } from "./dispatcher-process";

export interface DeliveryRun {
  messages: number;
  elapsedMs: number;
  received: number;
  /** Requests beyond one per `webhook-id`. */
  duplicates: number;
  /** Of each dispatcher still alive at the end. */
  memory: DispatcherMemory[];
}

/**
 * Publishes `messages` to the outbox in `database` (a SQLite file or a PostgreSQL URL), delivers
 * them with `dispatchers` processes to a loopback receiver counting by `webhook-id`, and, with
 * `kill`, SIGKILLs the first dispatcher after a third of the deliveries.
 */
export async function deliveryRun(run: {
  database: string;
  messages: number;
  dispatchers: number;
  options: DispatcherOptions;
  kill?: boolean;
}): Promise<DeliveryRun> {
  const { database, messages, kill = false } = run;
  const receiver = await countingReceiver();
  const key = generateEncryptionKey();
  const workers: DispatcherProcess[] = [];
  try {
    const { store, plugboard } = await deliveryKit(database, key);
    await addEndpoint(plugboard, receiver.url);
    await publishMany(plugboard, messages);
    await store.close();
    for (let i = 0; i < run.dispatchers; i++) {
      workers.push(await forkDispatcher(database, key, run.options));
    }
    const start = performance.now();
    for (const worker of workers) worker.start();
    if (kill) {
      await waitFor(() => receiver.seen.size >= messages / 3, 60_000);
      await workers[0]?.kill();
    }
    await waitFor(() => receiver.seen.size === messages, 600_000);
    const elapsedMs = performance.now() - start;
    const alive = kill ? workers.slice(1) : workers;
    return {
      messages,
      elapsedMs,
      received: receiver.seen.size,
      duplicates: receiver.requests() - receiver.seen.size,
      memory: await Promise.all(alive.map((worker) => worker.memory())),
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.kill()));
    await receiver.close();
  }
}
