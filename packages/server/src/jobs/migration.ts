import type { Kysely, Migration } from "kysely";

/** The job queue and its recurring schedules (registered as `0007_jobs`). */
export const jobsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("plugboard_jobs")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("queue", "text", (col) => col.notNull())
      .addColumn("payload", "text", (col) => col.notNull())
      .addColumn("state", "text", (col) => col.notNull())
      .addColumn("run_at", "bigint", (col) => col.notNull())
      .addColumn("due_at", "bigint")
      .addColumn("attempts", "integer", (col) => col.notNull())
      .addColumn("max_attempts", "integer", (col) => col.notNull())
      .addColumn("dedupe_key", "text")
      .addColumn("live_dedupe_key", "text")
      .addColumn("lease_owner", "text")
      .addColumn("last_error", "text")
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .addColumn("updated_at", "bigint", (col) => col.notNull())
      .execute();
    // Finished jobs hold NULL here, so the claim's range scan only meets live ones.
    await db.schema
      .createIndex("plugboard_jobs_due")
      .on("plugboard_jobs")
      .column("due_at")
      .execute();
    // Both databases let several NULL keys coexist under a unique index.
    await db.schema
      .createIndex("plugboard_jobs_live_dedupe_key")
      .on("plugboard_jobs")
      .column("live_dedupe_key")
      .unique()
      .execute();
    // Listing by state for operators, and pruning finished jobs by age.
    await db.schema
      .createIndex("plugboard_jobs_state_updated")
      .on("plugboard_jobs")
      .columns(["state", "updated_at"])
      .execute();

    await db.schema
      .createTable("plugboard_job_schedules")
      .addColumn("name", "text", (col) => col.primaryKey())
      .addColumn("every_ms", "bigint", (col) => col.notNull())
      .addColumn("next_run_at", "bigint", (col) => col.notNull())
      .addColumn("updated_at", "bigint", (col) => col.notNull())
      .execute();
  },
};
