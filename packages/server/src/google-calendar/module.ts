import { defineModule } from "../module";
import { googleCalendarSync } from "./migrations/0012-google-calendar";
import { googleCalendarChanges } from "./migrations/0015-google-calendar-changes";
import { googleCalendarNotifications } from "./notification-receiver";
import { deleteCalendarSync } from "./routes/delete-sync";
import { listGoogleCalendars } from "./routes/list-calendars";
import { listCalendarSyncs } from "./routes/list-syncs";
import { runCalendarSync } from "./routes/run-sync";
import { saveCalendarSync } from "./routes/save-sync";
import {
  beforeUninstall,
  createGoogleCalendarRuntime,
  onHostEvent,
  scheduleGoogleCalendar,
} from "./runtime";
import { memoryGoogleCalendar } from "./store/memory";
import type { GoogleCalendarStoreSlice } from "./store/slice";
import { sqlGoogleCalendar } from "./store/sql";

/**
 * Two-way Google Calendar sync: issues with due dates and cycles as events, moved or deleted
 * events back to the issue through the host port, incremental with sync tokens, driven by push
 * notifications with a scheduled poll as the fallback.
 */
export const googleCalendarModule = defineModule<GoogleCalendarStoreSlice>({
  name: "google-calendar",
  store: {
    memory: () => ({ googleCalendar: memoryGoogleCalendar() }),
    sql: (db, options) => ({ googleCalendar: sqlGoogleCalendar(db, options) }),
  },
  migrations: {
    "0012_google_calendar": googleCalendarSync,
    "0015_google_calendar_changes": googleCalendarChanges,
  },
  routes: [
    listCalendarSyncs,
    listGoogleCalendars,
    saveCalendarSync,
    runCalendarSync,
    deleteCalendarSync,
  ],
  inbound: [googleCalendarNotifications],
  setup(context, options) {
    const provider = options.providers?.["google-calendar"];
    createGoogleCalendarRuntime(context, provider);
    // Channel renewal and the poll have nothing to do for a kit without Google Calendar.
    if (provider) scheduleGoogleCalendar(context);
  },
  onEvent: onHostEvent,
  beforeUninstall,
});
