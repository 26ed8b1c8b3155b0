/**
 * A job worker in its own process, as in production. Runs the no-op bench job once told to
 * start, and reports how many it ran, once per turn of the event loop (not once per job).
 */
import { benchJob, type JobsDatabase, jobsKit } from "./jobs-setup";

const database = JSON.parse(process.argv[2] ?? "{}") as JobsDatabase;
const { worker } = await jobsKit(database);
let ran = 0;
worker.handle(benchJob, async () => {
  ran += 1;
  if (ran === 1) {
    setImmediate(() => {
      process.send?.({ ran });
      ran = 0;
    });
  }
});
process.on("message", async (message) => {
  if (message === "start") worker.start();
  if (message === "stop") {
    await worker.stop();
    process.exit(0);
  }
});
process.send?.("ready");
