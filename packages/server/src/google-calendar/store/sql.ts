import { type CalendarSyncSettings, PlugboardError } from "@plugboard/core";
import type { Kysely, Selectable } from "kysely";
import { numberOrNull } from "../../stores/sql/columns";
import type { SqlStoreOptions } from "../../stores/sql/options";
import type { Database } from "../../stores/sql/schema";
import type { CalendarEventLinksTable, CalendarSyncsTable } from "./schema";
import type {
  CalendarEventLink,
  CalendarSyncRecord,
  CalendarSyncUpdate,
  GoogleCalendarStore,
} from "./types";

const settingsKeys = [
  "projectIds",
  "direction",
  "timeZone",
  "completedPrefix",
  "completedColorId",
  "onEventDeleted",
  "createIssuesTag",
] as const;
type StoredSettings = Omit<CalendarSyncSettings, "calendarId">;

export function sqlGoogleCalendar(
  db: Kysely<Database>,
  options: SqlStoreOptions,
): GoogleCalendarStore {
  const selectSync = () => db.selectFrom("plugboard_calendar_syncs").selectAll();
  return {
    async createSync(record) {
      try {
        await db.insertInto("plugboard_calendar_syncs").values(toSyncRow(record)).execute();
      } catch (error) {
        if (options.isUniqueViolation(error)) {
          throw new PlugboardError({ code: "conflict", detail: "This connection already syncs" });
        }
        throw error;
      }
    },
    async getSync(organizationId, id) {
      const row = await selectSync()
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toSync(row) : null;
    },
    async findSyncByInstallation(organizationId, installationId) {
      const row = await selectSync()
        .where("organization_id", "=", organizationId)
        .where("installation_id", "=", installationId)
        .executeTakeFirst();
      return row ? toSync(row) : null;
    },
    async findSyncByChannel(channelId) {
      const row = await selectSync().where("channel_id", "=", channelId).executeTakeFirst();
      return row ? toSync(row) : null;
    },
    async listSyncs(organizationId) {
      let query = selectSync();
      if (organizationId !== undefined) query = query.where("organization_id", "=", organizationId);
      const rows = await query.orderBy("created_at").orderBy("id").execute();
      return rows.map(toSync);
    },
    async updateSync(organizationId, id, update) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom("plugboard_calendar_syncs")
          .selectAll()
          .where("organization_id", "=", organizationId)
          .where("id", "=", id)
          .executeTakeFirst();
        if (!row) return null;
        const next = { ...toSync(row), ...definedOnly(update) };
        // The counters move only by their own atomic updates: a stale read never puts them back.
        const { changes_noted: _noted, changes_pulled: _pulled, ...columns } = toSyncRow(next);
        await trx
          .updateTable("plugboard_calendar_syncs")
          .set(columns)
          .where("id", "=", id)
          .execute();
        return next;
      });
    },
    async noteChanges(channelId) {
      // One statement: the row lock (PostgreSQL) or the single writer (SQLite) orders concurrent
      // notifications, so exactly one of them finds the count where the last finish left it.
      const row = await db
        .updateTable("plugboard_calendar_syncs")
        .set((eb) => ({ changes_noted: eb("changes_noted", "+", 1) }))
        .where("channel_id", "=", channelId)
        .returning(["changes_noted", "changes_pulled"])
        .executeTakeFirst();
      return row !== undefined && Number(row.changes_noted) - 1 === Number(row.changes_pulled);
    },
    async finishPull(organizationId, id, noted) {
      const result = await db
        .updateTable("plugboard_calendar_syncs")
        .set({ changes_pulled: noted })
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .where("changes_noted", "=", noted)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async deleteSync(organizationId, id) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom("plugboard_calendar_syncs")
          .where("organization_id", "=", organizationId)
          .where("id", "=", id)
          .executeTakeFirst();
        if (Number(result.numDeletedRows) === 0) return false;
        await trx.deleteFrom("plugboard_calendar_event_links").where("sync_id", "=", id).execute();
        return true;
      });
    },
    async upsertLinks(batch) {
      if (batch.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const link of batch) {
          // The event may have belonged to another item (a re-created event): one owner each.
          await trx
            .deleteFrom("plugboard_calendar_event_links")
            .where("sync_id", "=", link.syncId)
            .where("event_id", "=", link.eventId)
            .where("item_key", "!=", link.itemKey)
            .execute();
          const row = {
            sync_id: link.syncId,
            item_key: link.itemKey,
            event_id: link.eventId,
            etag: link.etag,
            synced_due: link.syncedDue,
            synced_title: link.syncedTitle,
            synced_last_day: link.syncedLastDay,
            updated_at: link.updatedAt,
          };
          await trx
            .insertInto("plugboard_calendar_event_links")
            .values(row)
            .onConflict((conflict) =>
              conflict.columns(["sync_id", "item_key"]).doUpdateSet({
                event_id: link.eventId,
                etag: link.etag,
                synced_due: link.syncedDue,
                synced_title: link.syncedTitle,
                synced_last_day: link.syncedLastDay,
                updated_at: link.updatedAt,
              }),
            )
            .execute();
        }
      });
    },
    async getLinks(syncId, itemKeys) {
      if (itemKeys.length === 0) return [];
      const rows = await db
        .selectFrom("plugboard_calendar_event_links")
        .selectAll()
        .where("sync_id", "=", syncId)
        .where("item_key", "in", itemKeys)
        .execute();
      return rows.map(toLink);
    },
    async getLink(syncId, itemKey) {
      const row = await db
        .selectFrom("plugboard_calendar_event_links")
        .selectAll()
        .where("sync_id", "=", syncId)
        .where("item_key", "=", itemKey)
        .executeTakeFirst();
      return row ? toLink(row) : null;
    },
    async findLinkByEvent(syncId, eventId) {
      const row = await db
        .selectFrom("plugboard_calendar_event_links")
        .selectAll()
        .where("sync_id", "=", syncId)
        .where("event_id", "=", eventId)
        .executeTakeFirst();
      return row ? toLink(row) : null;
    },
    async deleteLink(syncId, itemKey) {
      const result = await db
        .deleteFrom("plugboard_calendar_event_links")
        .where("sync_id", "=", syncId)
        .where("item_key", "=", itemKey)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async countLinks(syncId) {
      const row = await db
        .selectFrom("plugboard_calendar_event_links")
        .select((eb) => eb.fn.countAll().as("count"))
        .where("sync_id", "=", syncId)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
  };
}

function definedOnly(update: CalendarSyncUpdate): CalendarSyncUpdate {
  return Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined));
}

function toSyncRow(record: CalendarSyncRecord) {
  const settings: StoredSettings = Object.fromEntries(
    settingsKeys.map((key) => [key, record[key]]),
  ) as StoredSettings;
  return {
    id: record.id,
    organization_id: record.organizationId,
    installation_id: record.installationId,
    calendar_id: record.calendarId,
    calendar_name: record.calendarName,
    settings: JSON.stringify(settings),
    status: record.status,
    sync_token: record.syncToken,
    last_sync_at: record.lastSyncAt,
    last_error: record.lastError,
    conflict_count: record.conflictCount,
    channel_id: record.channelId,
    channel_token_hash: record.channelTokenHash,
    channel_resource_id: record.channelResourceId,
    channel_expires_at: record.channelExpiresAt,
    changes_noted: record.changesNoted,
    changes_pulled: record.changesPulled,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}

function toSync(row: Selectable<CalendarSyncsTable>): CalendarSyncRecord {
  const settings = JSON.parse(row.settings) as StoredSettings;
  return {
    id: row.id,
    organizationId: row.organization_id,
    installationId: row.installation_id,
    calendarId: row.calendar_id,
    calendarName: row.calendar_name,
    ...settings,
    status: row.status as CalendarSyncRecord["status"],
    syncToken: row.sync_token,
    lastSyncAt: numberOrNull(row.last_sync_at),
    lastError: row.last_error,
    conflictCount: Number(row.conflict_count),
    channelId: row.channel_id,
    channelTokenHash: row.channel_token_hash,
    channelResourceId: row.channel_resource_id,
    channelExpiresAt: numberOrNull(row.channel_expires_at),
    changesNoted: Number(row.changes_noted),
    changesPulled: Number(row.changes_pulled),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function toLink(row: Selectable<CalendarEventLinksTable>): CalendarEventLink {
  return {
    syncId: row.sync_id,
    itemKey: row.item_key,
    eventId: row.event_id,
    etag: row.etag,
    syncedDue: row.synced_due,
    syncedTitle: row.synced_title,
    syncedLastDay: row.synced_last_day,
    updatedAt: Number(row.updated_at),
  };
}
