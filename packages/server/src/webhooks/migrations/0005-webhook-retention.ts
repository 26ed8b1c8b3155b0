import { type Kysely, sql } from "kysely";

/**
 * Indexes for pruning the delivery log by age. Pruning runs at most hourly but scans every
 * event, message and attempt without them; a busy organization keeps millions of attempts.
 */
export const webhookRetention = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex("plugboard_webhook_events_created_at")
      .on("plugboard_webhook_events")
      .column("created_at")
      .execute();
    await db.schema
      .createIndex("plugboard_webhook_attempts_created_at")
      .on("plugboard_webhook_attempts")
      .column("created_at")
      .execute();
    // Messages expire by last activity (see the store's prune), so the index is on that expression.
    await db.schema
      .createIndex("plugboard_webhook_messages_last_activity")
      .on("plugboard_webhook_messages")
      .expression(sql`coalesce(last_attempt_at, created_at)`)
      .execute();
  },
};
