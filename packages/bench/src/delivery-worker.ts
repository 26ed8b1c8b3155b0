/**
 * A dispatcher in its own process, as in production: the receiver (and the benchmark's
 * bookkeeping) run in the parent, so the two share the machine's cores, not one event loop.
 * Delivers the outbox in argv[2] (a SQLite file or a PostgreSQL URL) with the dispatcher options
 * in argv[4] once told "start"; answers "memory" with its `DispatcherMemory` (run with
 * --expose-gc, so the live heap can be measured after a full collection).
 */
import { type DispatcherMemory, deliveryKit } from "./delivery-setup";

const [database = "", key = "", options = "{}"] = process.argv.slice(2);
const { plugboard } = await deliveryKit(database, key, JSON.parse(options));
process.on("message", (request) => {
  if (request === "start") plugboard.dispatcher.start();
  else {
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      heapAfterGcMiB: process.memoryUsage().heapUsed / 1024 / 1024,
    } satisfies DispatcherMemory);
  }
});
process.send?.("ready");
