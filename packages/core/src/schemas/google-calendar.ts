import { z } from "zod";
import { timestampSchema } from "./common";

/**
 * Which way changes flow for issues: `both`; `to_calendar` (issues become events, calendar edits
 * are put back); `from_calendar` (moving or deleting an event changes the issue; issues never
 * write). Cycles always flow app → calendar (none with `from_calendar`): the host port cannot
 * change a cycle, so a cycle event edited in the calendar is put back.
 */
export const calendarSyncDirectionSchema = z.enum(["both", "to_calendar", "from_calendar"]);
export type CalendarSyncDirection = z.infer<typeof calendarSyncDirectionSchema>;

/** What deleting an issue's event in the calendar does: clear the due date, or put the event back. */
export const calendarDeleteActionSchema = z.enum(["clear_due_date", "recreate_event"]);
export type CalendarDeleteAction = z.infer<typeof calendarDeleteActionSchema>;

const timeZoneSchema = z
  .string()
  .min(1)
  .max(100)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: "must be an IANA time zone, e.g. Europe/Berlin" },
  );

/** `PUT /google-calendar/syncs/:installationId`: what a connection syncs and how. */
export const calendarSyncSettingsSchema = z.object({
  /** A calendar id from `GET …/calendars`, or `null` to create a dedicated "Plugboard" calendar. */
  calendarId: z.string().min(1).max(1024).nullable(),
  /** The projects whose issues and cycles become events; at least one. */
  projectIds: z.array(z.string().min(1).max(200)).min(1).max(200),
  direction: calendarSyncDirectionSchema.default("both"),
  /** Timed due dates are shown in this zone (the connecting user's). */
  timeZone: timeZoneSchema.default("UTC"),
  /** Put in front of a completed issue's event title; `""` for none. */
  completedPrefix: z.string().max(20).default("✓ "),
  /** Google's event colour for completed issues (`"8"` is graphite), or null to keep the default. */
  completedColorId: z
    .string()
    .regex(/^([1-9]|1[01])$/)
    .nullable()
    .default(null),
  onEventDeleted: calendarDeleteActionSchema.default("clear_due_date"),
  /**
   * Off (null) by default: an event created in the calendar whose title holds this tag (`#PRJ`)
   * creates an issue in the first project.
   */
  createIssuesTag: z.string().min(2).max(40).nullable().default(null),
});
export type CalendarSyncSettingsInput = z.input<typeof calendarSyncSettingsSchema>;
export type CalendarSyncSettings = z.infer<typeof calendarSyncSettingsSchema>;

export const calendarSyncStatusSchema = z.enum(["active", "needs_reconnect", "syncing"]);

/** One sync as the settings component shows it. */
export const calendarSyncSchema = calendarSyncSettingsSchema.extend({
  id: z.string(),
  installationId: z.string(),
  calendarId: z.string(),
  calendarName: z.string().nullable(),
  status: z.enum(["active", "needs_reconnect"]),
  lastSyncAt: timestampSchema.nullable(),
  lastError: z.string().nullable(),
  /** Issues and cycles that have an event in the calendar. */
  eventCount: z.number().int(),
  /** Changes made on both sides at once, settled by the most recent change per field. */
  conflictCount: z.number().int(),
  /** Whether Google pushes changes (a live watch channel), or the scheduled poll finds them. */
  push: z.boolean(),
  createdAt: timestampSchema,
});
export type CalendarSync = z.infer<typeof calendarSyncSchema>;

export const calendarSyncListSchema = z.object({ data: z.array(calendarSyncSchema) });
export type CalendarSyncList = z.infer<typeof calendarSyncListSchema>;

/** A calendar the connected account can write to, from Google's `calendarList`. */
export const googleCalendarSchema = z.object({
  id: z.string(),
  name: z.string(),
  primary: z.boolean(),
  timeZone: z.string().nullable(),
});
export type GoogleCalendar = z.infer<typeof googleCalendarSchema>;
export const googleCalendarListSchema = z.object({ data: z.array(googleCalendarSchema) });
export type GoogleCalendarList = z.infer<typeof googleCalendarListSchema>;
