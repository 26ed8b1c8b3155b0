import type { Kysely } from "kysely";

export const googleCalendarSync = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("plugboard_calendar_syncs")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("installation_id", "text", (col) => col.notNull())
      .addColumn("calendar_id", "text", (col) => col.notNull())
      .addColumn("calendar_name", "text")
      .addColumn("settings", "text", (col) => col.notNull())
      .addColumn("status", "text", (col) => col.notNull())
      .addColumn("sync_token", "text")
      .addColumn("last_sync_at", "bigint")
      .addColumn("last_error", "text")
      .addColumn("conflict_count", "bigint", (col) => col.notNull())
      .addColumn("channel_id", "text")
      .addColumn("channel_token_hash", "text")
      .addColumn("channel_resource_id", "text")
      .addColumn("channel_expires_at", "bigint")
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .addColumn("updated_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("plugboard_calendar_syncs_installation")
      .on("plugboard_calendar_syncs")
      .columns(["organization_id", "installation_id"])
      .unique()
      .execute();
    await db.schema
      .createIndex("plugboard_calendar_syncs_channel")
      .on("plugboard_calendar_syncs")
      .column("channel_id")
      .execute();
    await db.schema
      .createTable("plugboard_calendar_event_links")
      .addColumn("sync_id", "text", (col) => col.notNull())
      .addColumn("item_key", "text", (col) => col.notNull())
      .addColumn("event_id", "text", (col) => col.notNull())
      .addColumn("etag", "text", (col) => col.notNull())
      .addColumn("synced_due", "text")
      .addColumn("synced_title", "text", (col) => col.notNull())
      .addColumn("updated_at", "bigint", (col) => col.notNull())
      .addPrimaryKeyConstraint("plugboard_calendar_event_links_pk", ["sync_id", "item_key"])
      .execute();
    await db.schema
      .createIndex("plugboard_calendar_event_links_event")
      .on("plugboard_calendar_event_links")
      .columns(["sync_id", "event_id"])
      .unique()
      .execute();
  },
};
