/**
 * A dispatcher in its own process, as in production: the receiver (and the benchmark's
 * bookkeeping) run in the parent, so the two share the machine's cores, not one event loop.
 * Delivers the outbox in argv[2] with the dispatcher options in argv[4] once told to start.
 */
import { deliveryKit } from "./delivery-setup";

const [file = "", key = "", options = "{}"] = process.argv.slice(2);
const { plugboard } = await deliveryKit(file, key, JSON.parse(options));
process.once("message", () => plugboard.dispatcher.start());
process.send?.("ready");
