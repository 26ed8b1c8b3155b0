import type { IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LoopbackServer, listenOnLoopback } from "./loopback";
import { startGoogleSimulator } from "./servers";

let google: Awaited<ReturnType<typeof startGoogleSimulator>>;
let receiver: LoopbackServer;
const received: IncomingHttpHeaders[] = [];
let token = "";
let calendarId = "";
let api = "";

beforeAll(async () => {
  google = await startGoogleSimulator({ timeZone: "Europe/Berlin" });
  receiver = await listenOnLoopback((request, response) => {
    received.push(request.headers);
    response.writeHead(200).end();
  });
  api = `${google.origin}/calendar/v3`;
  token = google.simulation.grant().accessToken;
});

afterAll(async () => {
  await Promise.all([google?.close(), receiver?.close()]);
});

beforeEach(async () => {
  const created = await call("POST", "/calendars", {
    summary: "Plugboard",
    timeZone: "America/New_York",
  });
  calendarId = ((await created.json()) as { id: string }).id;
});

/** What the API answers, loosely: an event, a listing, or an error. */
interface Answer {
  id: string;
  status: string;
  etag: string;
  summary?: string;
  start: { date?: string; dateTime?: string };
  end: { date?: string; dateTime?: string };
  extendedProperties?: { private?: Record<string, string> };
  items: Answer[];
  nextPageToken?: string;
  nextSyncToken?: string;
  error: { errors: [{ reason: string }] };
}

function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
const events = () => `/calendars/${encodeURIComponent(calendarId)}/events`;
const allDay = (id: string, date: string, extra: object = {}) => ({
  id,
  summary: `Event ${id}`,
  start: { date },
  end: { date },
  ...extra,
});
async function insert(id: string, extra: object = {}) {
  const response = await call("POST", events(), {
    id,
    summary: `Event ${id}`,
    start: { date: "2026-12-01" },
    end: { date: "2026-12-02" },
    ...extra,
  });
  return { status: response.status, body: (await response.json()) as Answer };
}
async function list(query: string) {
  const response = await call("GET", `${events()}?${query}`);
  return { status: response.status, body: (await response.json()) as Answer };
}

describe("the simulated Google Calendar API", () => {
  it("lists calendars and creates one; refuses a call without a valid token", async () => {
    const response = await call("GET", "/users/me/calendarList");
    const { items } = (await response.json()) as { items: { id: string; primary?: boolean }[] };
    expect(items.find((item) => item.primary)?.id).toBe("primary@sim.example");
    expect(items.map((item) => item.id)).toContain(calendarId);
    const anonymous = await fetch(`${api}/users/me/calendarList`);
    expect(anonymous.status).toBe(401);
  });

  it("takes a client-given id once: a deleted event's id stays taken (409), a second delete is 410", async () => {
    expect((await insert("issue00001")).status).toBe(200);
    expect((await insert("issue00001")).status).toBe(409);
    expect((await call("DELETE", `${events()}/issue00001`)).status).toBe(204);
    expect((await call("DELETE", `${events()}/issue00001`)).status).toBe(410);
    const again = await insert("issue00001");
    expect(again.status).toBe(409);
    expect(again.body.error.errors[0].reason).toBe("duplicate");
    expect((await insert("NOT-base32hex")).status).toBe(400);
    // A patch to status confirmed brings a deleted event back.
    const restored = await call("PATCH", `${events()}/issue00001`, { status: "confirmed" });
    expect(((await restored.json()) as { status: string }).status).toBe("confirmed");
  });

  it("pages a full sync, then returns only changes with the sync token; a deleted event is id-only", async () => {
    for (let index = 0; index < 5; index++) await insert(`page0000${index}`);
    const seen: string[] = [];
    let page = await list("maxResults=2");
    while (page.body.nextPageToken) {
      seen.push(...page.body.items.map((item) => item.id));
      page = await list(`maxResults=2&pageToken=${page.body.nextPageToken}`);
    }
    seen.push(...page.body.items.map((item) => item.id));
    expect(seen).toHaveLength(5);
    const syncToken = page.body.nextSyncToken as string;
    expect(syncToken).toBeTruthy();

    await call("DELETE", `${events()}/page00001`);
    await call("PATCH", `${events()}/page00002`, { summary: "Renamed" });
    const changes = await list(`syncToken=${syncToken}`);
    expect(changes.body.items).toHaveLength(2);
    const deleted = changes.body.items.find((item) => item.id === "page00001");
    expect(Object.keys(deleted ?? {}).sort()).toEqual(["etag", "id", "kind", "status"]);
    expect(deleted?.status).toBe("cancelled");
    expect(changes.body.items.find((item) => item.id === "page00002")?.summary).toBe("Renamed");

    // Deleted events are left out of a full listing unless showDeleted.
    expect((await list("")).body.items).toHaveLength(4);
    expect((await list("showDeleted=true")).body.items).toHaveLength(5);

    google.simulation.calendar.expireSyncTokens(calendarId);
    const gone = await list(`syncToken=${changes.body.nextSyncToken}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.errors[0].reason).toBe("fullSyncRequired");
  });

  it("checks If-Match on patch and delete (412) and answers dateTime in the calendar's offset", async () => {
    const created = await insert("etag00001", {
      start: { dateTime: "2026-12-01T15:00:00Z" },
      end: { dateTime: "2026-12-01T16:00:00+00:00" },
    });
    // New York is UTC-5 in December: the same instant, another offset.
    expect(created.body.start.dateTime).toBe("2026-12-01T10:00:00-05:00");
    const stale = created.body.etag as string;
    const patched = await call(
      "PATCH",
      `${events()}/etag00001`,
      { summary: "One" },
      { "if-match": stale },
    );
    expect(patched.status).toBe(200);
    const fresh = ((await patched.json()) as { etag: string }).etag;
    expect(fresh).not.toBe(stale);
    expect(
      (await call("PATCH", `${events()}/etag00001`, { summary: "Two" }, { "if-match": stale }))
        .status,
    ).toBe(412);
    expect(
      (await call("DELETE", `${events()}/etag00001`, undefined, { "if-match": stale })).status,
    ).toBe(412);
    expect(
      (await call("DELETE", `${events()}/etag00001`, undefined, { "if-match": fresh })).status,
    ).toBe(204);
  });

  it("merges extendedProperties on PATCH; PUT clears everything it is not given", async () => {
    await insert("props0001", { extendedProperties: { private: { issueId: "iss_1" } } });
    const patched = await call("PATCH", `${events()}/props0001`, {
      extendedProperties: { private: { source: "plugboard" } },
    });
    expect(((await patched.json()) as Answer).extendedProperties?.private).toEqual({
      issueId: "iss_1",
      source: "plugboard",
    });
    const put = await call("PUT", `${events()}/props0001`, allDay("props0001", "2026-12-03"));
    expect(((await put.json()) as Answer).extendedProperties).toBeUndefined();
  });

  it("pushes to a watch channel: sync first, then exists for every change (a delete too, our own writes too)", async () => {
    const watched = await call("POST", `${events()}/watch`, {
      id: "channel-1",
      type: "web_hook",
      address: `${receiver.origin}/hook`,
      token: "secret-token",
    });
    const channel = (await watched.json()) as { resourceId: string; expiration: string };
    await google.simulation.calendar.settled();
    await insert("push00001");
    await call("DELETE", `${events()}/push00001`);
    await google.simulation.calendar.settled();
    const ours = received.filter((headers) => headers["x-goog-channel-id"] === "channel-1");
    expect(ours.map((headers) => headers["x-goog-resource-state"])).toEqual([
      "sync",
      "exists",
      "exists",
    ]);
    expect(ours.every((headers) => headers["x-goog-channel-token"] === "secret-token")).toBe(true);
    expect(ours.every((headers) => headers["x-goog-resource-id"] === channel.resourceId)).toBe(
      true,
    );
    const numbers = ours.map((headers) => Number(headers["x-goog-message-number"]));
    expect(numbers[0]).toBe(1);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(Number(channel.expiration)).toBeGreaterThan(Date.now());

    expect(
      (await call("POST", "/channels/stop", { id: "channel-1", resourceId: "wrong" })).status,
    ).toBe(404);
    expect(
      (await call("POST", "/channels/stop", { id: "channel-1", resourceId: channel.resourceId }))
        .status,
    ).toBe(204);
    await insert("push00002");
    await google.simulation.calendar.settled();
    expect(received.filter((headers) => headers["x-goog-channel-id"] === "channel-1")).toHaveLength(
      3,
    );
  });

  it("injects quota errors: 429 with Retry-After, or 403 rateLimitExceeded", async () => {
    google.simulation.calendar.injectRateLimit(1);
    const limited = await call("GET", "/users/me/calendarList");
    expect(limited.status).toBe(429);
    google.simulation.calendar.injectRateLimit(1, { status: 403 });
    const forbidden = await call("GET", "/users/me/calendarList");
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as Answer).error.errors[0].reason).toBe("rateLimitExceeded");
    expect((await call("GET", "/users/me/calendarList")).status).toBe(200);
  });

  it("shows a week and moves an event to another day as the user, keeping its time of day", async () => {
    await insert("standup001", {
      summary: "Standup",
      start: { dateTime: "2026-12-01T14:00:00Z" },
      end: { dateTime: "2026-12-01T14:30:00Z" },
    });
    const page = await fetch(
      `${google.origin}/calendar/week?calendar=${encodeURIComponent(calendarId)}&date=2026-12-01`,
    );
    const html = await page.text();
    expect(html).toContain('data-date="2026-12-01"');
    expect(html).toContain("09:00 Standup");
    const moved = await fetch(`${google.origin}/calendar/week/move`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ calendar: calendarId, event: "standup001", date: "2026-12-03" }),
      redirect: "manual",
    });
    expect(moved.status).toBe(303);
    const event = (await (await call("GET", `${events()}/standup001`)).json()) as Answer;
    expect(event.start.dateTime).toBe("2026-12-03T09:00:00-05:00");
    expect(event.end.dateTime).toBe("2026-12-03T09:30:00-05:00");
  });
});
