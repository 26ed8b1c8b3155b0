import {
  type CalendarSyncSettingsInput,
  calendarSyncListSchema,
  calendarSyncSchema,
  googleCalendarListSchema,
} from "@plugboard/core";
import type { CallOptions, Transport } from "../transport";

/** Google Calendar two-way sync: a connection's calendars, its sync settings, "Sync now". */
export function googleCalendarResource(call: Transport) {
  return {
    /** The syncs of the connections the caller can see (their own and the organization's). */
    syncs: (options: CallOptions = {}) =>
      call({
        method: "get",
        path: "google-calendar/syncs",
        schema: calendarSyncListSchema,
        ...options,
      }),
    /** The calendars the connected Google account can write to. */
    calendars: (installationId: string, options: CallOptions = {}) =>
      call({
        method: "get",
        path: `google-calendar/connections/${encodeURIComponent(installationId)}/calendars`,
        schema: googleCalendarListSchema,
        ...options,
      }),
    /** Creates or changes the connection's sync; `calendarId: null` creates a "Plugboard" calendar. */
    save: (
      installationId: string,
      settings: CalendarSyncSettingsInput,
      options: CallOptions = {},
    ) =>
      call({
        method: "put",
        path: `google-calendar/connections/${encodeURIComponent(installationId)}/sync`,
        json: settings,
        schema: calendarSyncSchema,
        ...options,
      }),
    /** Queues a full sync now. */
    run: (syncId: string, options: CallOptions = {}) =>
      call({
        method: "post",
        path: `google-calendar/syncs/${encodeURIComponent(syncId)}/run`,
        schema: calendarSyncSchema,
        ...options,
      }),
    /** Stops syncing (events already in the calendar stay). */
    remove: (syncId: string, options: CallOptions = {}) =>
      call<void>({
        method: "delete",
        path: `google-calendar/syncs/${encodeURIComponent(syncId)}`,
        ...options,
      }),
  };
}
