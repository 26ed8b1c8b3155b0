import type { Kysely } from "kysely";

/**
 * Push notifications counted on the sync (`changes_noted`) beside the count the last complete
 * listing covered (`changes_pulled`): a notification that lands while a sync job is past its
 * listing is seen by that job or the one queued after it, never left for the poll. And a cycle's
 * last day on its link: a cycle event is put back whole after a calendar edit.
 */
export const googleCalendarChanges = {
  async up(db: Kysely<unknown>) {
    // SQLite adds one column per ALTER TABLE.
    await db.schema
      .alterTable("plugboard_calendar_syncs")
      .addColumn("changes_noted", "bigint", (col) => col.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable("plugboard_calendar_syncs")
      .addColumn("changes_pulled", "bigint", (col) => col.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable("plugboard_calendar_event_links")
      .addColumn("synced_last_day", "text")
      .execute();
  },
};
