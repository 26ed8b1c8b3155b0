import type { HostIssue } from "@plugboard/core";
import type { EventPatch, EventTime, GoogleEvent } from "./calendar-client";
import type { CalendarSyncRecord } from "./store/types";
import { addDays, formatInZone } from "./zones";

/** A timed due date becomes an event this long. */
const timedEventMs = 30 * 60_000;
const isDate = (due: string) => /^\d{4}-\d{2}-\d{2}$/.test(due);

const base32hex = "0123456789abcdefghijklmnopqrstuv";

/**
 * The event id of an item in one sync, derived (not random): inserting twice after a crash
 * between the insert and its bookkeeping meets 409, never a second event. Google wants base32hex
 * ids; this one decodes back to the item, so a deleted event (id only) still maps to its issue.
 */
export function eventIdFor(syncId: string, itemKey: string): string {
  let bits = "";
  for (const byte of new TextEncoder().encode(`${syncId}|${itemKey}`)) {
    bits += byte.toString(2).padStart(8, "0");
  }
  let id = "";
  for (let at = 0; at < bits.length; at += 5) {
    id += base32hex[Number.parseInt(bits.slice(at, at + 5).padEnd(5, "0"), 2)];
  }
  return id;
}

/** The item an event id derived by `eventIdFor` names, or null for anyone else's event. */
export function itemKeyOf(syncId: string, eventId: string): string | null {
  if (!/^[0-9a-v]+$/.test(eventId)) return null;
  let bits = "";
  for (const char of eventId) bits += base32hex.indexOf(char).toString(2).padStart(5, "0");
  const bytes = new Uint8Array(Math.floor(bits.length / 8));
  for (let index = 0; index < bytes.length; index++) {
    bytes[index] = Number.parseInt(bits.slice(index * 8, index * 8 + 8), 2);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const prefix = `${syncId}|`;
  return text.startsWith(prefix) ? text.slice(prefix.length) : null;
}

/**
 * Start and end for a due date: a date-only due date is an all-day event (end exclusive); one
 * with a time is a 30-minute event at that instant, written in the user's zone.
 */
export function dueTimes(due: string, timeZone: string): { start: EventTime; end: EventTime } {
  if (isDate(due)) return { start: { date: due }, end: { date: addDays(due, 1) } };
  const instant = Date.parse(due);
  return {
    start: { dateTime: formatInZone(instant, timeZone), timeZone },
    end: { dateTime: formatInZone(instant + timedEventMs, timeZone), timeZone },
  };
}

/**
 * The due date an event says: its date when all-day, else its start instant in the user's zone
 * (Google answers in the calendar's offset; the instant is what counts).
 */
export function dueOf(event: GoogleEvent, timeZone: string): string | null {
  if (event.start?.date) return event.start.date;
  if (event.start?.dateTime) return formatInZone(Date.parse(event.start.dateTime), timeZone);
  return null;
}

/** Same due date: equal dates, or equal instants whatever their offsets. */
export function sameDue(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  if (isDate(a) || isDate(b)) return a === b;
  return Date.parse(a) === Date.parse(b);
}

export interface ItemView {
  itemKey: string;
  title: string;
  due: string;
  /** All-day end (inclusive) for cycles: a multi-day event. */
  lastDay?: string;
  description: string;
  completed: boolean;
}

export function issueItem(issue: HostIssue & { dueDate: string }, completed: boolean): ItemView {
  return {
    itemKey: `issue:${issue.id}`,
    title: `${issue.key} ${issue.title}`,
    due: issue.dueDate,
    completed,
    description: `${issue.url}\n\nStatus: ${completed ? "completed" : "open"}${issue.description ? `\n\n${issue.description}` : ""}`,
  };
}

/** The title as written to the calendar: with the completed marker when the item is done. */
export function summaryOf(sync: CalendarSyncRecord, item: ItemView): string {
  return item.completed && sync.completedPrefix
    ? `${sync.completedPrefix}${item.title}`
    : item.title;
}

export function eventBodyFor(sync: CalendarSyncRecord, item: ItemView): EventPatch {
  const times = item.lastDay
    ? { start: { date: item.due }, end: { date: addDays(item.lastDay, 1) } }
    : dueTimes(item.due, sync.timeZone);
  return {
    summary: summaryOf(sync, item),
    description: item.description,
    ...times,
    colorId: item.completed && sync.completedColorId ? sync.completedColorId : null,
    extendedProperties: {
      private: {
        plugboardItem: item.itemKey,
        ...(item.itemKey.startsWith("issue:") ? { issueId: item.itemKey.slice(6) } : {}),
      },
    },
  };
}
