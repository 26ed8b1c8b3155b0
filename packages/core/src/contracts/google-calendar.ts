import {
  calendarSyncListSchema,
  calendarSyncSchema,
  calendarSyncSettingsSchema,
  googleCalendarListSchema,
} from "../schemas/google-calendar";
import { defineContract } from "./contract";

/** Google Calendar two-way sync. Google's push notifications are a provider route, not a contract. */
export const googleCalendarContracts = {
  /** The syncs of the connections the caller can see: their own and the organization's. */
  syncs: defineContract({
    method: "GET",
    path: "/google-calendar/syncs",
    response: calendarSyncListSchema,
  }),
  /** The calendars the connected account can write to, for the calendar picker. */
  calendars: defineContract({
    method: "GET",
    path: "/google-calendar/connections/:installationId/calendars",
    response: googleCalendarListSchema,
  }),
  /** Creates or changes a connection's sync; a new or re-pointed sync runs a full sync. */
  save: defineContract({
    method: "PUT",
    path: "/google-calendar/connections/:installationId/sync",
    body: calendarSyncSettingsSchema,
    response: calendarSyncSchema,
  }),
  /** "Sync now": queues a full sync. */
  run: defineContract({
    method: "POST",
    path: "/google-calendar/syncs/:syncId/run",
    response: calendarSyncSchema,
    status: 202,
  }),
  /** Stops syncing; the events already in the calendar stay. */
  remove: defineContract({ method: "DELETE", path: "/google-calendar/syncs/:syncId" }),
};
