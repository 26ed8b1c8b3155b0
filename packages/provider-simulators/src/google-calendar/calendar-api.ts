import { googleError } from "./errors";
import { createPushSender } from "./push";
import type {
  Channel,
  EventTime,
  ExtendedProperties,
  SimulatedCalendar,
  StoredEvent,
} from "./types";
import { addDays, daysBetween, instantOf, inZone, wallClock } from "./zones";

export interface CalendarApiOptions {
  /** Where the API is served: Google's is `https://www.googleapis.com/calendar/v3`. */
  baseUrl: string;
  /** Whether a bearer token is accepted (the OAuth half of the Google simulation decides). */
  authorize(token: string): boolean;
  now: () => number;
  /** The primary calendar's zone. Default `Europe/Berlin`. */
  timeZone?: string;
}

/** Opaque tokens (page, sync) as base64url JSON; no Buffer, so it also runs in Storybook. */
const base64url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
const encode = (value: object) => base64url(JSON.stringify(value));
function decode<T>(token: string): T | null {
  try {
    const binary = atob(token.replace(/-/g, "+").replace(/_/g, "/"));
    return JSON.parse(
      new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))),
    ) as T;
  } catch {
    return null;
  }
}

/** Google's rule for client-given event ids: base32hex characters, 5 to 1024 of them. */
const eventIdPattern = /^[a-v0-9]{5,1024}$/;

/**
 * Google Calendar API v3 as Plugboard uses it, written from Google's documentation, with the
 * behaviours a sync gets wrong: a deleted event's id stays taken (insert → 409, second delete →
 * 410) and comes back id-only in incremental syncs; PUT clears what it is not given; `dateTime`
 * comes back in the calendar's offset; writes check `If-Match` (412); sync tokens expire on demand
 * (410); push notifications report a delete as `exists`, skip message numbers and echo the
 * client's own writes. Quota errors (429, 403 rateLimitExceeded) are injected on demand.
 */
export function createCalendarApi(options: CalendarApiOptions) {
  const base = options.baseUrl.replace(/\/+$/, "");
  const { now } = options;
  const calendars = new Map<string, SimulatedCalendar>();
  const channels = new Map<string, Channel>();
  const push = createPushSender(() => base);
  let etagCounter = 1_700_000_000_000;
  let quota: { remaining: number; status: 403 | 429; every: number; count: number } | null = null;

  function addCalendar(summary: string, timeZone: string, primary: boolean, id?: string) {
    const calendar: SimulatedCalendar = {
      id:
        id ??
        (primary
          ? "primary@sim.example"
          : `c_${crypto.randomUUID().replace(/-/g, "")}@group.calendar.google.com`),
      summary,
      timeZone,
      primary,
      events: new Map(),
      changes: 0,
      tokenEpoch: 0,
    };
    calendars.set(calendar.id, calendar);
    return calendar;
  }
  addCalendar("Ada Lovelace", options.timeZone ?? "Europe/Berlin", true);

  const api = {
    calendars,
    channels,
    /** Every push sent, in order; `settled()` waits for those in flight. */
    pushes: push.sent,
    settled: push.settled,
    /** Requests answered (not counting injected failures), by `METHOD path-pattern`. */
    requests: new Map<string, number>(),
    /** Injected quota failures answered. */
    throttled: 0,
    addCalendar(summary: string, timeZone: string, id?: string) {
      return addCalendar(summary, timeZone, false, id);
    },
    /** Every sync token minted so far answers 410 Gone from now on. */
    expireSyncTokens(calendarId?: string) {
      for (const calendar of calendars.values()) {
        if (!calendarId || calendar.id === calendarId) calendar.tokenEpoch += 1;
      }
    },
    /**
     * Quota errors: the next `count` API calls (or, with `every`, one call in `every` until
     * `count` have failed) answer 429 or 403 `rateLimitExceeded`.
     */
    injectRateLimit(count: number, settings: { status?: 403 | 429; every?: number } = {}) {
      quota = {
        remaining: count,
        status: settings.status ?? 429,
        every: settings.every ?? 1,
        count: 0,
      };
    },
    /** A person changing an event in Google Calendar (the week view's drag does this). */
    userPatch(calendarId: string, eventId: string, body: Record<string, unknown>) {
      const calendar = calendars.get(calendarId);
      const event = calendar?.events.get(eventId);
      if (!calendar || !event) throw new Error(`No event ${eventId} in ${calendarId}`);
      applyPatch(calendar, event, body);
      return present(calendar, event);
    },
    /** A person moving an event to another day, keeping its time of day and length. */
    moveToDay(calendarId: string, eventId: string, date: string) {
      const calendar = calendars.get(calendarId);
      const event = calendar?.events.get(eventId);
      if (!calendar || !event) throw new Error(`No event ${eventId} in ${calendarId}`);
      const shift = daysBetween(startDate(calendar, event), date);
      const move = (time: StoredEvent["start"]) => {
        if ("date" in time) return { date: addDays(time.date, shift) };
        const clock = wallClock(time.instant, calendar.timeZone);
        return {
          dateTime: inZone(
            instantOf(addDays(clock.date, shift), clock.time, calendar.timeZone),
            calendar.timeZone,
          ),
        };
      };
      return api.userPatch(calendarId, eventId, { start: move(event.start), end: move(event.end) });
    },
    /** A person deleting an event. */
    userDelete(calendarId: string, eventId: string) {
      const calendar = calendars.get(calendarId);
      const event = calendar?.events.get(eventId);
      if (!calendar || !event) throw new Error(`No event ${eventId} in ${calendarId}`);
      remove(calendar, event);
    },
    /** The events a person sees (not deleted), as the API presents them. */
    visibleEvents(calendarId: string) {
      const calendar = calendars.get(calendarId);
      if (!calendar) return [];
      return [...calendar.events.values()]
        .filter((event) => event.status !== "cancelled")
        .map((event) => present(calendar, event));
    },
    startDate,
    handle,
  };

  function startDate(calendar: SimulatedCalendar, event: StoredEvent): string {
    return "date" in event.start
      ? event.start.date
      : wallClock(event.start.instant, calendar.timeZone).date;
  }

  function touch(calendar: SimulatedCalendar, event: StoredEvent) {
    calendar.changes += 1;
    event.changed = calendar.changes;
    event.updated = now();
    etagCounter += 1 + Math.floor(Math.random() * 7);
    event.etag = `"${etagCounter}"`;
    for (const channel of channels.values()) {
      if (channel.calendarId !== calendar.id || channel.stopped || channel.expiration < now())
        continue;
      // Google numbers messages per channel but does not promise consecutive numbers.
      channel.messageNumber += 1 + (channel.messageNumber % 2);
      push.send(channel, "exists");
    }
  }

  function remove(calendar: SimulatedCalendar, event: StoredEvent) {
    // The id stays taken: the event is kept as cancelled, stripped to what a sync returns.
    event.status = "cancelled";
    touch(calendar, event);
  }

  function present(calendar: SimulatedCalendar, event: StoredEvent): Record<string, unknown> {
    if (event.status === "cancelled") {
      return { kind: "calendar#event", etag: event.etag, id: event.id, status: "cancelled" };
    }
    const time = (value: StoredEvent["start"]): EventTime =>
      "date" in value
        ? { date: value.date }
        : {
            dateTime: inZone(value.instant, calendar.timeZone),
            ...(value.timeZone ? { timeZone: value.timeZone } : {}),
          };
    return {
      kind: "calendar#event",
      etag: event.etag,
      id: event.id,
      status: event.status,
      htmlLink: `${base.replace(/\/calendar\/v3$/, "")}/calendar/week?calendar=${encodeURIComponent(calendar.id)}&eid=${event.id}`,
      created: new Date(event.created).toISOString(),
      updated: new Date(event.updated).toISOString(),
      ...(event.summary !== undefined ? { summary: event.summary } : {}),
      ...(event.description !== undefined ? { description: event.description } : {}),
      ...(event.colorId !== undefined ? { colorId: event.colorId } : {}),
      start: time(event.start),
      end: time(event.end),
      ...(event.extendedProperties ? { extendedProperties: event.extendedProperties } : {}),
      iCalUID: `${event.id}@google.com`,
    };
  }

  /** Reads a start or end; a `dateTime` needs its offset (Google also allows a zone, unused here). */
  function parseTime(value: unknown): StoredEvent["start"] | string {
    if (typeof value !== "object" || value === null) return "must be { date } or { dateTime }";
    const time = value as EventTime;
    if (time.date !== undefined) {
      return /^\d{4}-\d{2}-\d{2}$/.test(time.date) ? { date: time.date } : "Invalid date";
    }
    if (time.dateTime !== undefined) {
      if (!/(Z|[+-]\d{2}:\d{2})$/.test(time.dateTime)) return "dateTime needs an offset";
      const instant = Date.parse(time.dateTime);
      if (Number.isNaN(instant)) return "Invalid dateTime";
      return { instant, ...(time.timeZone ? { timeZone: time.timeZone } : {}) };
    }
    return "Missing start or end time.";
  }

  function mergeProperties(
    current: ExtendedProperties | undefined,
    patch: ExtendedProperties,
  ): ExtendedProperties {
    // PATCH merges extendedProperties key by key, as Google does.
    return {
      ...(current ?? {}),
      ...(patch.private ? { private: { ...(current?.private ?? {}), ...patch.private } } : {}),
      ...(patch.shared ? { shared: { ...(current?.shared ?? {}), ...patch.shared } } : {}),
    };
  }

  /** Applies a patch body (or a full body, for PUT, which replaces). An error message, or null. */
  function applyPatch(
    calendar: SimulatedCalendar,
    event: StoredEvent,
    body: Record<string, unknown>,
    replace = false,
  ): string | null {
    const next = replace
      ? ({
          ...event,
          summary: undefined,
          description: undefined,
          colorId: undefined,
          extendedProperties: undefined,
        } as StoredEvent)
      : { ...event };
    for (const field of ["start", "end"] as const) {
      if (body[field] === undefined) {
        if (replace) return "Missing start or end time.";
        continue;
      }
      const parsed = parseTime(body[field]);
      if (typeof parsed === "string") return parsed;
      next[field] = parsed;
    }
    for (const field of ["summary", "description", "colorId"] as const) {
      if (body[field] !== undefined)
        next[field] = body[field] === null ? undefined : String(body[field]);
    }
    if (body.status === "confirmed" || body.status === "tentative" || body.status === "cancelled") {
      next.status = body.status;
    } else if (replace) {
      next.status = "confirmed";
    }
    if (body.extendedProperties !== undefined) {
      next.extendedProperties = mergeProperties(
        replace ? undefined : event.extendedProperties,
        body.extendedProperties as ExtendedProperties,
      );
    }
    if (endsBeforeStart(next)) return "The specified time range is empty.";
    Object.assign(event, next);
    touch(calendar, event);
    return null;
  }

  function endsBeforeStart(event: StoredEvent): boolean {
    if ("date" in event.start && "date" in event.end) return event.end.date <= event.start.date;
    if ("instant" in event.start && "instant" in event.end)
      return event.end.instant < event.start.instant;
    return true;
  }

  function list(calendar: SimulatedCalendar, url: URL): Response {
    const params = url.searchParams;
    const maxResults = Math.min(Number(params.get("maxResults") ?? 250) || 250, 2500);
    const pageToken = params.get("pageToken");
    const syncToken = params.get("syncToken");
    type Page = { since: number | null; upTo: number; after: string; deleted: boolean };
    let page: Page;
    if (pageToken) {
      const decoded = decode<Page>(pageToken);
      if (!decoded) return googleError(400, "invalid", "Invalid page token value.");
      page = decoded;
    } else if (syncToken) {
      const token = decode<{ c: string; s: number; e: number }>(syncToken);
      if (!token || token.c !== calendar.id)
        return googleError(400, "invalid", "Invalid sync token value.");
      if (token.e !== calendar.tokenEpoch) {
        return googleError(
          410,
          "fullSyncRequired",
          "Sync token is no longer valid, a full sync is required.",
        );
      }
      page = { since: token.s, upTo: calendar.changes, after: "", deleted: true };
    } else {
      page = {
        since: null,
        upTo: calendar.changes,
        after: "",
        deleted: params.get("showDeleted") === "true",
      };
    }
    // Ordered by id with a cursor: an event changed while paging leaves this listing (its change
    // is past `upTo`) and is returned by the next incremental sync instead.
    const matching = [...calendar.events.values()]
      .filter((event) => event.changed <= page.upTo)
      .filter((event) => page.since === null || event.changed > page.since)
      .filter((event) => page.deleted || event.status !== "cancelled")
      .filter((event) => event.id > page.after)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const items = matching.slice(0, maxResults);
    const more = matching.length > maxResults;
    return Response.json({
      kind: "calendar#events",
      summary: calendar.summary,
      timeZone: calendar.timeZone,
      updated: new Date(now()).toISOString(),
      items: items.map((event) => present(calendar, event)),
      ...(more
        ? { nextPageToken: encode({ ...page, after: items[items.length - 1]?.id ?? "" }) }
        : { nextSyncToken: encode({ c: calendar.id, s: page.upTo, e: calendar.tokenEpoch }) }),
    });
  }

  async function readJson(request: Request): Promise<Record<string, unknown> | null> {
    try {
      const body = (await request.json()) as unknown;
      return typeof body === "object" && body !== null ? (body as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  const ifMatchFails = (request: Request, event: StoredEvent) => {
    const expected = request.headers.get("if-match");
    return expected !== null && expected !== "*" && expected !== event.etag;
  };
  const preconditionFailed = () => googleError(412, "conditionNotMet", "Precondition Failed");

  async function insert(calendar: SimulatedCalendar, request: Request): Promise<Response> {
    const body = await readJson(request);
    if (!body) return googleError(400, "parseError", "Parse Error");
    const id =
      typeof body.id === "string" ? body.id : crypto.randomUUID().replace(/-/g, "").slice(0, 26);
    if (!eventIdPattern.test(id)) return googleError(400, "invalid", "Invalid resource id value.");
    if (calendar.events.has(id)) {
      return googleError(409, "duplicate", "The requested identifier already exists.");
    }
    const at = now();
    const event: StoredEvent = {
      id,
      status: "confirmed",
      start: { date: "1970-01-01" },
      end: { date: "1970-01-02" },
      etag: "",
      created: at,
      updated: at,
      changed: 0,
    };
    const error = applyPatch(
      calendar,
      event,
      { ...body, status: body.status ?? "confirmed" },
      true,
    );
    if (error) return googleError(400, "invalid", error);
    calendar.events.set(id, event);
    return Response.json(present(calendar, event));
  }

  async function watch(calendar: SimulatedCalendar, request: Request): Promise<Response> {
    const body = await readJson(request);
    if (!body || typeof body.id !== "string" || typeof body.address !== "string") {
      return googleError(400, "required", "Required: id, type, address");
    }
    if (body.type !== "web_hook") return googleError(400, "invalid", "Invalid value for: type");
    if (
      !body.address.startsWith("https://") &&
      !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(body.address)
    ) {
      return googleError(400, "push.webhookUrlNotHttps", "WebHook callback must be HTTPS");
    }
    if (channels.has(body.id))
      return googleError(400, "channelIdNotUnique", "Channel id not unique");
    // Google caps a channel at about a week and may shorten what was asked.
    const week = 7 * 86_400_000;
    const asked = Number(body.expiration);
    const channel: Channel = {
      id: body.id,
      resourceId: `sim-resource-${base64url(calendar.id).slice(0, 16)}`,
      calendarId: calendar.id,
      address: body.address,
      token: typeof body.token === "string" ? body.token : null,
      expiration:
        Number.isFinite(asked) && asked > 0 ? Math.min(asked, now() + week) : now() + week,
      messageNumber: 1,
      stopped: false,
    };
    channels.set(channel.id, channel);
    push.send(channel, "sync");
    return Response.json({
      kind: "api#channel",
      id: channel.id,
      resourceId: channel.resourceId,
      resourceUri: `${base}/calendars/${encodeURIComponent(calendar.id)}/events?alt=json`,
      ...(channel.token ? { token: channel.token } : {}),
      expiration: String(channel.expiration),
    });
  }

  async function stop(request: Request): Promise<Response> {
    const body = await readJson(request);
    const channel = typeof body?.id === "string" ? channels.get(body.id) : undefined;
    if (!channel || channel.stopped || channel.resourceId !== body?.resourceId) {
      return googleError(404, "notFound", `Channel '${String(body?.id)}' not found for project`);
    }
    channel.stopped = true;
    return new Response(null, { status: 204 });
  }

  function calendarListEntry(calendar: SimulatedCalendar) {
    return {
      kind: "calendar#calendarListEntry",
      id: calendar.id,
      summary: calendar.summary,
      timeZone: calendar.timeZone,
      accessRole: "owner",
      ...(calendar.primary ? { primary: true } : {}),
    };
  }

  function throttle(): Response | null {
    if (!quota || quota.remaining <= 0) return null;
    quota.count += 1;
    if (quota.count % quota.every !== 0) return null;
    quota.remaining -= 1;
    api.throttled += 1;
    return quota.status === 429
      ? googleError(429, "rateLimitExceeded", "Rate Limit Exceeded", { "retry-after": "1" })
      : googleError(403, "rateLimitExceeded", "Rate Limit Exceeded");
  }

  function count(name: string) {
    api.requests.set(name, (api.requests.get(name) ?? 0) + 1);
  }

  async function handle(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    if (url.origin !== new URL(base).origin) return null;
    const root = new URL(base).pathname;
    if (!url.pathname.startsWith(`${root}/`)) return null;
    const path = url.pathname.slice(root.length);
    const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
    if (!options.authorize(token)) {
      return googleError(401, "authError", "Invalid Credentials", {
        "www-authenticate": 'Bearer realm="https://accounts.google.com/"',
      });
    }
    const throttled = throttle();
    if (throttled) return throttled;
    const { method } = request;
    if (method === "GET" && path === "/users/me/calendarList") {
      count("calendarList.list");
      return Response.json({
        kind: "calendar#calendarList",
        items: [...calendars.values()].map(calendarListEntry),
      });
    }
    if (method === "POST" && path === "/calendars") {
      count("calendars.insert");
      const body = await readJson(request);
      if (!body || typeof body.summary !== "string")
        return googleError(400, "required", "Missing title.");
      const zone =
        typeof body.timeZone === "string" ? body.timeZone : (options.timeZone ?? "Europe/Berlin");
      const calendar = addCalendar(body.summary, zone, false);
      return Response.json({
        kind: "calendar#calendar",
        id: calendar.id,
        summary: calendar.summary,
        timeZone: zone,
      });
    }
    if (method === "POST" && path === "/channels/stop") {
      count("channels.stop");
      return stop(request);
    }
    const match = /^\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(path);
    if (!match) return googleError(404, "notFound", "Not Found");
    const calendarId = decodeURIComponent(match[1] ?? "");
    const calendar = calendars.get(calendarId === "primary" ? "primary@sim.example" : calendarId);
    if (!calendar) return googleError(404, "notFound", "Not Found");
    const eventId = match[2] ? decodeURIComponent(match[2]) : null;
    if (eventId === null) {
      if (method === "GET") {
        count("events.list");
        return list(calendar, url);
      }
      if (method === "POST") {
        count("events.insert");
        return insert(calendar, request);
      }
      return googleError(405, "httpMethodNotAllowed", "Method Not Allowed");
    }
    if (eventId === "watch" && method === "POST") {
      count("events.watch");
      return watch(calendar, request);
    }
    const event = calendar.events.get(eventId);
    if (!event) return googleError(404, "notFound", "Not Found");
    if (method === "GET") {
      count("events.get");
      return Response.json(present(calendar, event));
    }
    if (method === "DELETE") {
      count("events.delete");
      if (event.status === "cancelled")
        return googleError(410, "deleted", "Resource has been deleted");
      if (ifMatchFails(request, event)) return preconditionFailed();
      remove(calendar, event);
      return new Response(null, { status: 204 });
    }
    if (method === "PATCH" || method === "PUT") {
      count(method === "PATCH" ? "events.patch" : "events.update");
      if (ifMatchFails(request, event)) return preconditionFailed();
      const body = await readJson(request);
      if (!body) return googleError(400, "parseError", "Parse Error");
      const error = applyPatch(calendar, event, body, method === "PUT");
      if (error) return googleError(400, "invalid", error);
      return Response.json(present(calendar, event));
    }
    return googleError(405, "httpMethodNotAllowed", "Method Not Allowed");
  }

  return api;
}

export type CalendarApi = ReturnType<typeof createCalendarApi>;
