import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateEncryptionKey } from "@plugboard/server";
import { countingReceiver, waitFor } from "./delivery-receiver";
import { addEndpoint, deliveryKit, publishMany } from "./delivery-setup";
import { type DispatcherProcess, forkDispatcher } from "./dispatcher-process";
import { formatTable, type Suite } from "./harness";

const target = 1000;
const messages = 5000;

export interface DeliveryMeasurement {
  messages: number;
  publishMs: number;
  deliverMs: number;
  /** Requests the receiver got, and distinct webhook-ids among them. */
  requests: number;
  distinct: number;
}

/**
 * Outbox → signed HTTP POST → loopback receiver, SQLite store, one dispatcher process; the
 * receiver runs in this process, as a customer's server would run apart from ours.
 */
export async function measureDelivery(messages: number): Promise<DeliveryMeasurement> {
  const directory = await mkdtemp(join(tmpdir(), "plugboard-bench-"));
  const receiver = await countingReceiver();
  const file = join(directory, "outbox.db");
  const key = generateEncryptionKey();
  let worker: DispatcherProcess | undefined;
  try {
    const { store, plugboard } = await deliveryKit(file, key);
    await addEndpoint(plugboard, receiver.url);
    const publishStart = performance.now();
    await publishMany(plugboard, messages);
    const publishMs = performance.now() - publishStart;
    await store.close();

    worker = await forkDispatcher(file, key, { batchSize: 200, concurrency: 64 });
    const start = performance.now();
    worker.start();
    await waitFor(() => receiver.seen.size === messages, 120_000);
    const deliverMs = performance.now() - start;
    return {
      messages,
      publishMs,
      deliverMs,
      requests: receiver.requests(),
      distinct: receiver.seen.size,
    };
  } finally {
    await worker?.kill();
    await receiver.close();
    await rm(directory, { recursive: true, force: true });
  }
}

export const perSecond = (count: number, ms: number) => (count / ms) * 1000;

export const webhookDelivery: Suite = {
  name: "Webhook delivery throughput (SQLite → loopback)",
  async run() {
    const { publishMs, deliverMs, requests, distinct } = await measureDelivery(messages);
    const rate = perSecond(messages, deliverMs);
    console.log(
      formatTable(
        ["step", "messages", "time", "per second", "target"],
        [
          [
            "publish (outbox write)",
            String(messages),
            `${publishMs.toFixed(0)} ms`,
            perSecond(messages, publishMs).toFixed(0),
            "",
          ],
          [
            "deliver (sign + POST + log)",
            String(messages),
            `${deliverMs.toFixed(0)} ms`,
            rate.toFixed(0),
            `≥ ${target}`,
          ],
        ],
      ),
    );
    console.log(
      `\n${rate >= target ? "PASS" : "FAIL"}: ${rate.toFixed(0)} delivered messages/s (target ≥ ${target}); ${requests} requests for ${distinct} webhook-ids`,
    );
  },
};
