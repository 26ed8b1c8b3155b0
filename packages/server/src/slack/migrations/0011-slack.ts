import type { Kysely } from "kysely";

/** Per-project channel settings, the message kept per issue and channel, and seen inbound ids. */
export const slack = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("plugboard_slack_channels")
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("project_id", "text", (col) => col.notNull())
      .addColumn("channel_id", "text", (col) => col.notNull())
      .addColumn("channel_name", "text", (col) => col.notNull())
      .addColumn("events", "text", (col) => col.notNull())
      .addColumn("last_status", "text")
      .addColumn("last_error", "text")
      .addColumn("last_event_type", "text")
      .addColumn("last_at", "bigint")
      .addColumn("updated_by", "text", (col) => col.notNull())
      .addColumn("updated_at", "bigint", (col) => col.notNull())
      .addPrimaryKeyConstraint("plugboard_slack_channels_pk", ["organization_id", "project_id"])
      .execute();
    await db.schema
      .createTable("plugboard_slack_issue_messages")
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("issue_id", "text", (col) => col.notNull())
      .addColumn("channel_id", "text", (col) => col.notNull())
      .addColumn("ts", "text", (col) => col.notNull())
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .addPrimaryKeyConstraint("plugboard_slack_issue_messages_pk", [
        "organization_id",
        "issue_id",
        "channel_id",
      ])
      .execute();
    await db.schema
      .createTable("plugboard_slack_inbound")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("received_at", "bigint", (col) => col.notNull())
      .execute();
  },
};
