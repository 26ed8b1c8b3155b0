import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DeliveryRun, deliveryRun } from "./delivery-run";
import { formatTable, type Suite } from "./harness";
import { withPostgresSchema } from "./postgres-schema";

const target = 2000;
const messages = 3000;
const dispatcherOptions = { batchSize: 200, concurrency: 64 };
// The kill variant: a short lease, so the survivor takes over the killed one's claims soon.
const killOptions = { ...dispatcherOptions, leaseMs: 2000 };

type Run = DeliveryRun & { name: string };

async function deliver(database: string, name: string, dispatchers: number, kill = false) {
  const options = kill ? killOptions : dispatcherOptions;
  return { name, ...(await deliveryRun({ database, messages, dispatchers, options, kill })) };
}

/**
 * Outbox on PostgreSQL, two dispatcher processes sharing it (`FOR UPDATE SKIP LOCKED` claims),
 * one loopback receiver counting deliveries by `webhook-id`: throughput beside SQLite with one
 * dispatcher, then the same with one PostgreSQL dispatcher SIGKILLed after a third of the messages.
 */
export const webhookDeliveryPostgres: Suite = {
  name: "Webhook delivery throughput (PostgreSQL, two dispatcher processes → loopback; SQLite beside)",
  run: async () => {
    // The same messages on SQLite with one dispatcher, in this run: the reference on a machine
    // whose load moves absolute figures from one run to the next.
    const directory = await mkdtemp(join(tmpdir(), "plugboard-delivery-"));
    const reference = await deliver(join(directory, "outbox.db"), "SQLite, one dispatcher", 1);
    await rm(directory, { recursive: true, force: true });
    const runs: Run[] = [];
    await withPostgresSchema("delivery", async (url) => {
      runs.push(await deliver(url, "PostgreSQL, two dispatchers", 2));
    });
    await withPostgresSchema("delivery_kill", async (url) => {
      runs.push(await deliver(url, "PostgreSQL, two, one SIGKILLed after a third", 2, true));
    });
    console.log(
      formatTable(
        ["run", "messages", "time", "per second", "lost", "sent twice", "dispatcher peak RSS"],
        [reference, ...runs].map((run) => [
          run.name,
          String(messages),
          `${run.elapsedMs.toFixed(0)} ms`,
          ((messages / run.elapsedMs) * 1000).toFixed(0),
          String(messages - run.received),
          String(run.duplicates),
          run.memory.map(({ peakRssMiB }) => `${peakRssMiB.toFixed(0)} MiB`).join(", "),
        ]),
      ),
    );
    const [clean, killed] = runs;
    if (!clean) return;
    const rate = (messages / clean.elapsedMs) * 1000;
    const pass = rate >= target && clean.duplicates === 0 && clean.received === messages;
    const ratio = reference.elapsedMs / clean.elapsedMs;
    console.log(
      `\n${pass ? "PASS" : "FAIL"}: ${rate.toFixed(0)} delivered messages/s with two dispatchers on PostgreSQL (target ≥ ${target}; ${ratio.toFixed(2)}× SQLite with one in this run), ${clean.duplicates} sent twice, ${messages - clean.received} lost`,
    );
    if (killed) {
      console.log(
        `${killed.received === messages ? "PASS" : "FAIL"}: after a SIGKILL, ${messages - killed.received} lost; ${killed.duplicates} sent again (in flight at the kill: at-least-once)`,
      );
    }
  },
};
