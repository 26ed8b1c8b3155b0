import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateEncryptionKey } from "@plugboard/server";
import { countingReceiver, waitFor } from "./delivery-receiver";
import { addEndpoint, deliveryKit, publishMany } from "./delivery-setup";
import { type DispatcherProcess, forkDispatcher } from "./dispatcher-process";
import { formatTable, type Suite } from "./harness";

// `--full` runs the 100,000-message delivery; by default a smaller one that fits in the minute.
const sizes = process.argv.includes("--full") ? [5_000, 100_000] : [5_000, 20_000];

/** Publishes `messages`, delivers them with one dispatcher process, returns its memory. */
async function peakRss(messages: number) {
  const directory = await mkdtemp(join(tmpdir(), "plugboard-memory-"));
  const receiver = await countingReceiver();
  const file = join(directory, "outbox.db");
  const key = generateEncryptionKey();
  let worker: DispatcherProcess | undefined;
  try {
    const { store, plugboard } = await deliveryKit(file, key);
    await addEndpoint(plugboard, receiver.url);
    await publishMany(plugboard, messages);
    await store.close();
    worker = await forkDispatcher(file, key, { batchSize: 200, concurrency: 64 });
    const start = performance.now();
    worker.start();
    await waitFor(() => receiver.seen.size === messages, 600_000);
    return { messages, elapsedMs: performance.now() - start, ...(await worker.memory()) };
  } finally {
    await worker?.kill();
    await receiver.close();
    await rm(directory, { recursive: true, force: true });
  }
}

/** The dispatcher's peak RSS for a small and a large delivery run: flat is the target. */
export const webhookMemory: Suite = {
  name: "Webhook delivery memory (SQLite, one dispatcher process, peak RSS by message count)",
  async run() {
    const runs = [];
    for (const size of sizes) runs.push(await peakRss(size));
    console.log(
      formatTable(
        ["messages", "delivered in", "per second", "dispatcher peak RSS", "live heap after GC"],
        runs.map((run) => [
          run.messages.toLocaleString("en-US"),
          `${run.elapsedMs.toFixed(0)} ms`,
          ((run.messages / run.elapsedMs) * 1000).toFixed(0),
          `${run.peakRssMiB.toFixed(0)} MiB`,
          `${run.heapAfterGcMiB.toFixed(1)} MiB`,
        ]),
      ),
    );
    const [small, large] = runs;
    if (!small || !large) return;
    // What the dispatcher holds on to: flat means nothing accumulates per message. Peak RSS also
    // counts the heap V8 grew into during the longer run and the allocator's spare pages.
    const growth = large.heapAfterGcMiB - small.heapAfterGcMiB;
    const count = (run: typeof small) => run.messages.toLocaleString("en-US");
    console.log(
      `\n${growth <= 2 ? "PASS" : "FAIL"}: live heap ${growth.toFixed(1)} MiB more after ${count(large)} messages than after ${count(small)} (flat: within 2 MiB); peak RSS ${(large.peakRssMiB - small.peakRssMiB).toFixed(0)} MiB more${sizes[1] === 100_000 ? "" : "; `npm run bench -- memory --full` delivers 100,000"}`,
    );
  },
};
