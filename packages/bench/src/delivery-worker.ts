/** The dispatcher process of the durability run: delivers the outbox in argv[2] until killed. */
import { deliveryKit } from "./delivery-setup";

const [file = "", key = ""] = process.argv.slice(2);
const { plugboard } = await deliveryKit(file, key, {
  batchSize: 50,
  concurrency: 16,
  leaseMs: 2000,
});
plugboard.dispatcher.start();
process.send?.("started");
