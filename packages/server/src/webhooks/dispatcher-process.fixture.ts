/**
 * A dispatcher in a process of its own, for the crash-recovery test: it delivers the outbox of
 * the SQLite file in PLUGBOARD_DB until killed. Short leases, so a killed run's claims lapse fast.
 */
import { createPlugboard } from "../plugboard";
import { sqliteStore } from "../stores/sqlite/index";

const store = await sqliteStore(process.env.PLUGBOARD_DB as string);
const plugboard = createPlugboard({
  store,
  authenticate: () => null,
  encryption: { currentKeyId: "k1", keys: { k1: process.env.PLUGBOARD_KEY as string } },
  webhooks: {
    allowHttp: true,
    allowAddresses: ["127.0.0.1"],
    dispatcher: { leaseMs: 1500, pollIntervalMs: 50, batchSize: 20, concurrency: 8 },
  },
});
plugboard.dispatcher.start();
process.send?.("started");
