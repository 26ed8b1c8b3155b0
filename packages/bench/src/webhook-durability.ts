import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateEncryptionKey } from "@plugboard/server";
import { countingReceiver, waitFor } from "./delivery-receiver";
import { addEndpoint, deliveryKit, publishMany } from "./delivery-setup";
import { type DispatcherProcess, forkDispatcher } from "./dispatcher-process";
import { formatTable, type Suite } from "./harness";

const messages = 5000;

// Small batches and a short lease, so a kill leaves messages leased mid-flight.
const workerOptions = { batchSize: 50, concurrency: 16, leaseMs: 2000 };

async function startWorker(file: string, key: string): Promise<DispatcherProcess> {
  const worker = await forkDispatcher(file, key, workerOptions);
  worker.start();
  return worker;
}

/** SIGKILL the dispatcher process mid-run, restart it, count what the receiver got by webhook-id. */
export const webhookDurability: Suite = {
  name: "Webhook delivery durability (SIGKILL mid-run, restart)",
  async run() {
    const directory = await mkdtemp(join(tmpdir(), "plugboard-durability-"));
    const file = join(directory, "outbox.db");
    const key = generateEncryptionKey();
    const receiver = await countingReceiver();
    let worker: DispatcherProcess | undefined;
    try {
      const { store, plugboard } = await deliveryKit(file, key);
      await addEndpoint(plugboard, receiver.url);
      await publishMany(plugboard, messages);
      await store.close();

      worker = await startWorker(file, key);
      await waitFor(() => receiver.seen.size >= messages / 3, 60_000);
      await worker.kill();
      const atKill = receiver.seen.size;

      const restart = performance.now();
      worker = await startWorker(file, key);
      await waitFor(() => receiver.seen.size === messages, 120_000);
      const recoveredMs = performance.now() - restart;
      const duplicates = receiver.requests() - receiver.seen.size;
      console.log(
        formatTable(
          [
            "published",
            "received at kill",
            "after restart",
            "missing",
            "redelivered",
            "restart → all",
          ],
          [
            [
              String(messages),
              String(atKill),
              String(receiver.seen.size),
              String(messages - receiver.seen.size),
              String(duplicates),
              `${recoveredMs.toFixed(0)} ms`,
            ],
          ],
        ),
      );
      console.log(
        `\n${receiver.seen.size === messages ? "PASS" : "FAIL"}: every webhook-id received at least once (${duplicates} redelivered after the kill: at-least-once)`,
      );
    } finally {
      await worker?.kill();
      await receiver.close();
      await rm(directory, { recursive: true, force: true });
    }
  },
};
