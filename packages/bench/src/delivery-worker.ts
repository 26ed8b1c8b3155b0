/**
 * A dispatcher in its own process, as in production: the receiver (and the benchmark's
 * bookkeeping) run in the parent, so the two share the machine's cores, not one event loop.
 * Delivers the outbox in argv[2] (a SQLite file or a PostgreSQL URL) with the dispatcher options
 * in argv[4] once told "start"; answers "rss" with its peak RSS in MiB.
 */
import { deliveryKit } from "./delivery-setup";

const [database = "", key = "", options = "{}"] = process.argv.slice(2);
const { plugboard } = await deliveryKit(database, key, JSON.parse(options));
process.on("message", (request) => {
  if (request === "start") plugboard.dispatcher.start();
  else process.send?.(process.resourceUsage().maxRSS / 1024);
});
process.send?.("ready");
