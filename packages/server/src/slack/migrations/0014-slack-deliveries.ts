import type { Kysely } from "kysely";

/**
 * The Slack delivery log (one row per event and channel, counting its attempts), and the
 * Enterprise Grid id beside the team id on installations, so inbound traffic naming either finds
 * the installation. The column is on the shared installations table because that is where the
 * team id is, but only Slack has a second account level.
 */
export const slackDeliveries = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("plugboard_slack_deliveries")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("project_id", "text", (col) => col.notNull())
      .addColumn("event_id", "text", (col) => col.notNull())
      .addColumn("event_type", "text", (col) => col.notNull())
      .addColumn("channel_id", "text", (col) => col.notNull())
      .addColumn("status", "text", (col) => col.notNull())
      .addColumn("attempts", "integer", (col) => col.notNull())
      .addColumn("last_error", "text")
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .addColumn("last_attempt_at", "bigint", (col) => col.notNull())
      .addUniqueConstraint("plugboard_slack_deliveries_event", [
        "organization_id",
        "event_id",
        "channel_id",
      ])
      .execute();
    await db.schema
      .createIndex("plugboard_slack_deliveries_project")
      .on("plugboard_slack_deliveries")
      .columns(["organization_id", "project_id", "last_attempt_at"])
      .execute();
    await db.schema
      .alterTable("plugboard_installations")
      .addColumn("external_enterprise_id", "text")
      .execute();
    await db.schema
      .createIndex("plugboard_installations_enterprise")
      .on("plugboard_installations")
      .columns(["provider", "external_enterprise_id"])
      .execute();
  },
};
