import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deliveryRun } from "./delivery-run";
import type { DispatcherMemory } from "./delivery-setup";
import { formatTable, type Suite } from "./harness";

// A short run and one 20 times longer: what a dispatcher keeps per message shows as heap growth.
const sizes = [5_000, 100_000];

/** Delivers `messages` from a fresh SQLite outbox with one dispatcher process. */
async function measure(messages: number) {
  const directory = await mkdtemp(join(tmpdir(), "plugboard-memory-"));
  try {
    const database = join(directory, "outbox.db");
    const options = { batchSize: 200, concurrency: 64 };
    const run = await deliveryRun({ database, messages, dispatchers: 1, options });
    return { ...run, ...(run.memory[0] as DispatcherMemory) };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** The dispatcher's peak RSS for a small and a large delivery run: flat is the target. */
export const webhookMemory: Suite = {
  name: "Webhook delivery memory (SQLite, one dispatcher process, peak RSS by message count)",
  async run() {
    const runs = [];
    for (const size of sizes) runs.push(await measure(size));
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
      `\n${growth <= 2 ? "PASS" : "FAIL"}: live heap ${growth.toFixed(1)} MiB more after ${count(large)} messages than after ${count(small)} (flat: within 2 MiB); peak RSS ${(large.peakRssMiB - small.peakRssMiB).toFixed(0)} MiB more`,
    );
  },
};
