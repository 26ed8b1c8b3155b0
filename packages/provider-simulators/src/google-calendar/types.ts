/** A start or end as Google's Calendar API carries it: `date` for all-day, else `dateTime`. */
export interface EventTime {
  date?: string;
  dateTime?: string;
  timeZone?: string;
}

export interface ExtendedProperties {
  private?: Record<string, string>;
  shared?: Record<string, string>;
}

/** An event as the simulated calendar keeps it. */
export interface StoredEvent {
  id: string;
  status: "confirmed" | "tentative" | "cancelled";
  summary?: string;
  description?: string;
  colorId?: string;
  /** All-day: `date` (end exclusive). Timed: the instant, answered in the calendar's offset. */
  start: { date: string } | { instant: number; timeZone?: string };
  end: { date: string } | { instant: number; timeZone?: string };
  extendedProperties?: ExtendedProperties;
  etag: string;
  created: number;
  updated: number;
  /** The calendar's change counter when this event last changed: what sync tokens compare. */
  changed: number;
}

export interface SimulatedCalendar {
  id: string;
  summary: string;
  timeZone: string;
  primary: boolean;
  events: Map<string, StoredEvent>;
  /** Bumped on every change; a sync token remembers the value it was minted at. */
  changes: number;
  /** Bumped by `expireSyncTokens`: older tokens answer 410. */
  tokenEpoch: number;
}

export interface Channel {
  id: string;
  resourceId: string;
  calendarId: string;
  address: string;
  token: string | null;
  expiration: number;
  messageNumber: number;
  stopped: boolean;
}

/** One push notification as sent (headers only: Google's carry no body). */
export interface PushRecord {
  channelId: string;
  state: "sync" | "exists" | "not_exists";
  messageNumber: number;
  status: number | null;
}
