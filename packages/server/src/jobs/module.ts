import { defineModule } from "../module";
import { memoryJobs } from "./memory";
import { jobsMigration } from "./migration";
import type { JobsStoreSlice } from "./slice";
import { sqlJobs } from "./sql";

/** The durable job queue and recurring schedules; the worker runs them (`plugboard.worker`). */
export const jobsModule = defineModule<JobsStoreSlice>({
  name: "jobs",
  store: {
    memory: () => ({ jobs: memoryJobs() }),
    sql: (db, options) => ({ jobs: sqlJobs(db, options) }),
  },
  migrations: { "0007_jobs": jobsMigration },
});
