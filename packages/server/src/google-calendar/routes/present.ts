import type { CalendarSync } from "@plugboard/core";
import type { PlugboardContext } from "../../context";
import type { CalendarSyncRecord } from "../store/types";

export async function presentSync(
  context: PlugboardContext,
  record: CalendarSyncRecord,
): Promise<CalendarSync> {
  const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
  return {
    id: record.id,
    installationId: record.installationId,
    calendarId: record.calendarId,
    calendarName: record.calendarName,
    projectIds: record.projectIds,
    direction: record.direction,
    timeZone: record.timeZone,
    completedPrefix: record.completedPrefix,
    completedColorId: record.completedColorId,
    onEventDeleted: record.onEventDeleted,
    createIssuesTag: record.createIssuesTag,
    status: record.status,
    lastSyncAt: iso(record.lastSyncAt),
    lastError: record.lastError,
    eventCount: await context.store.googleCalendar.countLinks(record.id),
    conflictCount: record.conflictCount,
    push: record.channelExpiresAt !== null && record.channelExpiresAt > context.now(),
    createdAt: new Date(record.createdAt).toISOString(),
  };
}
