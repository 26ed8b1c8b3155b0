import { googleCalendarPaths as paths } from "../routes/google-calendar";
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
    ...paths.syncs,
    response: calendarSyncListSchema,
  }),
  /** The calendars the connected account can write to, for the calendar picker. */
  calendars: defineContract({
    ...paths.calendars,
    response: googleCalendarListSchema,
  }),
  /** Creates or changes a connection's sync; a new or re-pointed sync runs a full sync. */
  save: defineContract({
    ...paths.save,
    body: calendarSyncSettingsSchema,
    response: calendarSyncSchema,
  }),
  /** "Sync now": queues a full sync. */
  run: defineContract({
    ...paths.run,
    response: calendarSyncSchema,
    status: 202,
  }),
  /** Stops syncing; the events already in the calendar stay. */
  remove: defineContract(paths.remove),
};
