/**
 * The few Google Calendar API v3 calls the sync makes, over plain fetch (googleapis needs Node
 * 22). Quota answers (429, 403 `rateLimitExceeded` / `userRateLimitExceeded`) are retried here
 * with exponential backoff and jitter, honouring Retry-After; when they persist the call throws
 * and the job that made it is retried later by the worker, so nothing is lost.
 */

export interface EventTime {
  date?: string;
  dateTime?: string;
  timeZone?: string;
}

export interface GoogleEvent {
  id: string;
  etag: string;
  status: "confirmed" | "tentative" | "cancelled";
  summary?: string;
  description?: string;
  colorId?: string;
  start?: EventTime;
  end?: EventTime;
  updated?: string;
  extendedProperties?: { private?: Record<string, string> };
}

export interface EventPatch {
  summary?: string;
  description?: string;
  colorId?: string | null;
  status?: "confirmed";
  start?: EventTime;
  end?: EventTime;
  extendedProperties?: { private: Record<string, string> };
}

export class CalendarApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string | null,
    message: string,
  ) {
    super(message);
    this.name = "CalendarApiError";
  }
}

export interface CalendarClientOptions {
  /** Default `https://www.googleapis.com/calendar/v3`. */
  baseUrl: string;
  accessToken: () => Promise<string>;
  /** First backoff after a quota answer; doubles each time. */
  backoffBaseMs: number;
  /** Quota answers retried per call before it throws. */
  maxQuotaRetries: number;
  /** How the client waits; replaced in tests and benches that count backoffs. */
  sleep?: (ms: number) => Promise<void>;
  /** Called for every quota answer (the bench counts them). */
  onThrottled?: () => void;
}

const quotaReasons = new Set(["rateLimitExceeded", "userRateLimitExceeded"]);

export function createCalendarClient(options: CalendarClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, "");
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));

  async function call<T>(
    method: string,
    path: string,
    init: { body?: unknown; ifMatch?: string; query?: Record<string, string | undefined> } = {},
  ): Promise<T> {
    const url = new URL(`${base}${path}`);
    for (const [name, value] of Object.entries(init.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${await options.accessToken()}`,
      };
      if (init.body !== undefined) headers["content-type"] = "application/json";
      if (init.ifMatch) headers["if-match"] = init.ifMatch;
      const response = await fetch(url, {
        method,
        headers,
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      if (response.status === 204) return undefined as T;
      const text = await response.text();
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      if (response.ok) return body as T;
      const error = body.error as { message?: string; errors?: { reason?: string }[] } | undefined;
      const reason = error?.errors?.[0]?.reason ?? null;
      const quota =
        response.status === 429 || (response.status === 403 && quotaReasons.has(reason ?? ""));
      if (quota && attempt < options.maxQuotaRetries) {
        options.onThrottled?.();
        const retryAfter = Number(response.headers.get("retry-after"));
        const backoff = options.backoffBaseMs * 2 ** attempt;
        const wait =
          Number.isFinite(retryAfter) && retryAfter > 0
            ? Math.min(retryAfter * 1000, backoff * 4)
            : backoff;
        await sleep(wait / 2 + Math.random() * (wait / 2));
        continue;
      }
      throw new CalendarApiError(
        response.status,
        reason,
        `Google Calendar answered ${response.status}${reason ? ` ${reason}` : ""}: ${error?.message ?? response.statusText}`,
      );
    }
  }

  const events = (calendarId: string) => `/calendars/${encodeURIComponent(calendarId)}/events`;

  return {
    listCalendars: () =>
      call<{
        items?: {
          id: string;
          summary?: string;
          primary?: boolean;
          timeZone?: string;
          accessRole?: string;
        }[];
      }>("GET", "/users/me/calendarList"),
    createCalendar: (summary: string, timeZone: string) =>
      call<{ id: string; summary: string }>("POST", "/calendars", { body: { summary, timeZone } }),
    listEvents: (
      calendarId: string,
      query: { syncToken?: string; pageToken?: string; showDeleted?: string; maxResults?: string },
    ) =>
      call<{ items?: GoogleEvent[]; nextPageToken?: string; nextSyncToken?: string }>(
        "GET",
        events(calendarId),
        { query },
      ),
    getEvent: (calendarId: string, eventId: string) =>
      call<GoogleEvent>("GET", `${events(calendarId)}/${encodeURIComponent(eventId)}`),
    insertEvent: (calendarId: string, body: EventPatch & { id: string }) =>
      call<GoogleEvent>("POST", events(calendarId), { body }),
    /** PATCH, never PUT: PUT clears every field it is not given, extendedProperties included. */
    patchEvent: (calendarId: string, eventId: string, body: EventPatch, etag?: string) =>
      call<GoogleEvent>("PATCH", `${events(calendarId)}/${encodeURIComponent(eventId)}`, {
        body,
        ...(etag ? { ifMatch: etag } : {}),
      }),
    deleteEvent: (calendarId: string, eventId: string, etag?: string) =>
      call<void>("DELETE", `${events(calendarId)}/${encodeURIComponent(eventId)}`, {
        ...(etag ? { ifMatch: etag } : {}),
      }),
    watch: (
      calendarId: string,
      channel: { id: string; token: string; address: string; expiration: number },
    ) =>
      call<{ id: string; resourceId: string; expiration?: string }>(
        "POST",
        `${events(calendarId)}/watch`,
        {
          body: {
            id: channel.id,
            type: "web_hook",
            address: channel.address,
            token: channel.token,
            expiration: String(channel.expiration),
          },
        },
      ),
    stopChannel: (id: string, resourceId: string) =>
      call<void>("POST", "/channels/stop", { body: { id, resourceId } }),
  };
}

export type CalendarClient = ReturnType<typeof createCalendarClient>;
