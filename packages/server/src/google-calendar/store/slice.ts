import type { GoogleCalendarStore } from "./types";

export interface GoogleCalendarStoreSlice {
  readonly googleCalendar: GoogleCalendarStore;
}
