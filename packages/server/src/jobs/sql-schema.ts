/**
 * The job tables as Kysely sees them, added to the store's database with `withTables` (which
 * wants type aliases: an interface has no index signature).
 */
export type JobsDatabase = {
  plugboard_jobs: JobsTable;
  plugboard_job_schedules: JobSchedulesTable;
};

export type JobsTable = {
  id: string;
  queue: string;
  /** JSON text. */
  payload: string;
  state: string;
  /** Epoch ms; PostgreSQL's bigint arrives as a string, so readers convert. */
  run_at: number | string;
  /** `run_at` while pending or running, NULL once finished: claims read one index of live jobs. */
  due_at: number | string | null;
  attempts: number;
  max_attempts: number;
  dedupe_key: string | null;
  /** `dedupe_key` while pending or running, NULL once finished; unique. */
  live_dedupe_key: string | null;
  lease_owner: string | null;
  last_error: string | null;
  created_at: number | string;
  updated_at: number | string;
};

export type JobSchedulesTable = {
  name: string;
  every_ms: number | string;
  next_run_at: number | string;
  updated_at: number | string;
};
