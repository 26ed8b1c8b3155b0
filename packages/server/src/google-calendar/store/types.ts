import type { CalendarSyncSettings } from "@plugboard/core";

/**
 * One connection's calendar sync as stored. Times are epoch milliseconds. The watch channel's
 * token is kept as a SHA-256 hash: only Google needs the token itself, Plugboard compares.
 */
export interface CalendarSyncRecord extends Omit<CalendarSyncSettings, "calendarId"> {
  id: string;
  organizationId: string;
  installationId: string;
  calendarId: string;
  calendarName: string | null;
  status: "active" | "needs_reconnect";
  /** Google's `nextSyncToken` from the last complete listing; null forces a full sync. */
  syncToken: string | null;
  lastSyncAt: number | null;
  lastError: string | null;
  conflictCount: number;
  channelId: string | null;
  channelTokenHash: string | null;
  channelResourceId: string | null;
  channelExpiresAt: number | null;
  /**
   * Push notifications received (`noteChanges`) and the count a sync job's listing covered when it
   * last finished with none arriving meanwhile (`finishPull`). While they differ, a listing is owed
   * and a queued or running job will make it; once they are equal, the next notification queues one.
   */
  changesNoted: number;
  changesPulled: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * What `updateSync` may change: everything but identity, creation and the change counters
 * (those only move through `noteChanges` and `finishPull`, atomically).
 */
export type CalendarSyncUpdate = Partial<
  Omit<
    CalendarSyncRecord,
    "id" | "organizationId" | "installationId" | "createdAt" | "changesNoted" | "changesPulled"
  >
>;

/**
 * An issue (or cycle) and its event: the map both directions go through. `synced*` are the values
 * both sides agreed on after the last sync, so a change is told from an echo and, when both sides
 * changed, the conflict rule knows which fields each side changed.
 */
export interface CalendarEventLink {
  syncId: string;
  /** `issue:<id>` or `cycle:<id>`. */
  itemKey: string;
  eventId: string;
  etag: string;
  /** The due date as last synced (`2026-12-01` or an instant with offset). */
  syncedDue: string | null;
  syncedTitle: string;
  /** A cycle's last day (inclusive) as last synced; null for issues. */
  syncedLastDay: string | null;
  updatedAt: number;
}

export interface GoogleCalendarStore {
  /** Throws a `conflict` PlugboardError when the installation already has a sync. */
  createSync(record: CalendarSyncRecord): Promise<void>;
  getSync(organizationId: string, id: string): Promise<CalendarSyncRecord | null>;
  findSyncByInstallation(
    organizationId: string,
    installationId: string,
  ): Promise<CalendarSyncRecord | null>;
  findSyncByChannel(channelId: string): Promise<CalendarSyncRecord | null>;
  /** The organization's syncs, oldest first; without an organization, every sync (schedules). */
  listSyncs(organizationId?: string): Promise<CalendarSyncRecord[]>;
  /** The record after the change, or null when there is no such sync. */
  updateSync(
    organizationId: string,
    id: string,
    update: CalendarSyncUpdate,
  ): Promise<CalendarSyncRecord | null>;
  /**
   * Counts a push notification on the channel's sync, in one atomic step with reading whether a
   * listing was owed already: true when none was (every earlier notification covered, so the
   * caller queues a job), false when one is owed (its job will see the count move) or no sync has
   * that channel.
   */
  noteChanges(channelId: string): Promise<boolean>;
  /**
   * A job whose listing started after `noted` notifications finishes only if none arrived since:
   * in one atomic step, `changesPulled` becomes `noted` while `changesNoted` is still `noted`.
   * False when the count moved (the job lists again) or there is no such sync.
   */
  finishPull(organizationId: string, id: string, noted: number): Promise<boolean>;
  /** Deletes the sync and its event links together; whether it existed. */
  deleteSync(organizationId: string, id: string): Promise<boolean>;
  /** Stores links (a first sync's page at once), each replacing its item's and its event's. */
  upsertLinks(links: CalendarEventLink[]): Promise<void>;
  getLink(syncId: string, itemKey: string): Promise<CalendarEventLink | null>;
  /** The links of these items that exist, in no particular order. */
  getLinks(syncId: string, itemKeys: string[]): Promise<CalendarEventLink[]>;
  findLinkByEvent(syncId: string, eventId: string): Promise<CalendarEventLink | null>;
  deleteLink(syncId: string, itemKey: string): Promise<boolean>;
  countLinks(syncId: string): Promise<number>;
}
