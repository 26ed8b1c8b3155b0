import type { CalendarSyncSettingsInput } from "@plugboard/core";
import { googleCalendarRoutes as routes } from "@plugboard/core/routes";
import type { Call } from "../call";
import type { CallOptions } from "../transport";

/** Google Calendar two-way sync: a connection's calendars, its sync settings, "Sync now". */
export function googleCalendarResource(call: Call) {
  return {
    /** The syncs of the connections the caller can see (their own and the organization's). */
    syncs: (options: CallOptions = {}) => call(routes.syncs, {}, options),
    /** The calendars the connected Google account can write to. */
    calendars: (installationId: string, options: CallOptions = {}) =>
      call(routes.calendars, { params: { installationId } }, options),
    /** Creates or changes the connection's sync; `calendarId: null` creates a "Plugboard" calendar. */
    save: (
      installationId: string,
      settings: CalendarSyncSettingsInput,
      options: CallOptions = {},
    ) => call(routes.save, { params: { installationId }, body: settings }, options),
    /** Queues a full sync now. */
    run: (syncId: string, options: CallOptions = {}) =>
      call(routes.run, { params: { syncId } }, options),
    /** Stops syncing (events already in the calendar stay). */
    remove: (syncId: string, options: CallOptions = {}) =>
      call(routes.remove, { params: { syncId } }, options),
  };
}
