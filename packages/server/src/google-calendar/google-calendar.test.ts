import { afterEach, describe, expect, it } from "vitest";
import { sealOAuthTokens } from "../integrations/oauth/tokens";
import { eventIdFor, itemKeyOf } from "./event-mapping";
import {
  type CalendarHarness,
  type CalendarHarnessOptions,
  calendarHarness,
  issue,
} from "./google-calendar.test-harness";

let harness: CalendarHarness | undefined;
async function setup(options: CalendarHarnessOptions = {}) {
  harness = await calendarHarness(options);
  return harness;
}
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

type Event = Record<string, unknown> & {
  id: string;
  summary?: string;
  start: { date?: string; dateTime?: string };
  end: { date?: string; dateTime?: string };
  extendedProperties?: { private?: Record<string, string> };
};
const eventsOf = (h: CalendarHarness) => h.events() as Event[];
const eventFor = (h: CalendarHarness, key: string) =>
  eventsOf(h).find((event) => event.summary?.includes(key));

describe("Google Calendar sync: app → calendar", () => {
  it("writes every issue with a due date of the chosen projects: all-day or timed in the user's zone", async () => {
    const h = await setup({
      issues: [
        issue("iss_1", "2026-12-02"),
        issue("iss_2", "2026-12-03T09:30:00+01:00"),
        issue("iss_3", null),
        issue("iss_4", "2026-12-04", { projectId: "prj_ops", key: "OPS-4" }),
        issue("iss_5", "2026-12-05", { stateId: "st_done" }),
      ],
      calendarZone: "America/New_York",
    });
    await h.connect({ timeZone: "Europe/Berlin", completedColorId: "8" });
    const events = eventsOf(h);
    expect(events.map((event) => event.summary).sort()).toEqual([
      "WEB-1 Issue iss_1",
      "WEB-2 Issue iss_2",
      "✓ WEB-5 Issue iss_5",
    ]);
    const allDay = eventFor(h, "WEB-1");
    expect(allDay?.start).toEqual({ date: "2026-12-02" });
    expect(allDay?.end).toEqual({ date: "2026-12-03" });
    expect(allDay?.extendedProperties?.private?.issueId).toBe("iss_1");
    // Google answers in the calendar's offset (New York); the instant is the one sent.
    const timed = eventFor(h, "WEB-2");
    expect(timed?.start.dateTime).toBe("2026-12-03T03:30:00-05:00");
    expect(Date.parse(timed?.end.dateTime ?? "")).toBe(Date.parse("2026-12-03T10:00:00+01:00"));
    expect(eventFor(h, "WEB-5")?.colorId).toBe("8");
    // Ids derive from the issue and decode back to it.
    const sync = (await h.store.googleCalendar.listSyncs("org_acme"))[0];
    expect(allDay?.id).toBe(eventIdFor(sync?.id ?? "", "issue:iss_1"));
    expect(itemKeyOf(sync?.id ?? "", allDay?.id ?? "")).toBe("issue:iss_1");

    const list = await h.call("GET", "/google-calendar/syncs");
    const [shown] = ((await list.json()) as { data: Record<string, unknown>[] }).data;
    expect(shown).toMatchObject({ eventCount: 3, status: "active", push: true, lastError: null });
    expect(shown?.lastSyncAt).toBeTruthy();
  });

  it("never makes a second event: Sync now again, or an insert whose bookkeeping was lost", async () => {
    const h = await setup({ issues: [issue("iss_1", "2026-12-02"), issue("iss_2", "2026-12-03")] });
    const sync = await h.connect();
    // A crash after inserting iss_2's event and before recording it: the link is gone.
    await h.store.googleCalendar.deleteLink(sync.id, "issue:iss_2");
    const run = await h.call("POST", `/google-calendar/syncs/${sync.id}/run`);
    expect(run.status).toBe(202);
    await h.settle();
    expect(eventsOf(h)).toHaveLength(2);
    expect(h.requests("events.insert")).toBe(3);
    expect(h.requests("events.update")).toBe(0);
    expect(await h.store.googleCalendar.countLinks(sync.id)).toBe(2);
  });

  it("follows due date changes with PATCH, deletes the event when the due date goes or the issue is deleted", async () => {
    const h = await setup({ issues: [issue("iss_1", "2026-12-02"), issue("iss_2", "2026-12-03")] });
    await h.connect();
    await h.hostUpdate("iss_1", { dueDate: "2026-12-09" });
    expect(eventFor(h, "WEB-1")?.start).toEqual({ date: "2026-12-09" });
    await h.hostUpdate("iss_1", { dueDate: null });
    expect(eventFor(h, "WEB-1")).toBeUndefined();
    h.memory.remove("iss_2");
    await h.hostPublish("issue.deleted", { issue: { id: "iss_2" } });
    expect(eventsOf(h)).toHaveLength(0);
    expect(h.requests("events.update")).toBe(0);
    expect(h.requests("events.patch")).toBeGreaterThan(0);
  });

  it("shows a cycle as a multi-day all-day event", async () => {
    const h = await setup();
    await h.connect();
    await h.hostPublish("cycle.created", {
      cycle: {
        id: "cyc_1",
        name: "Sprint 12",
        projectId: "prj_web",
        startDate: "2026-12-07",
        endDate: "2026-12-18",
      },
    });
    const cycle = eventsOf(h).find((event) => event.summary === "Cycle: Sprint 12");
    expect(cycle?.start).toEqual({ date: "2026-12-07" });
    expect(cycle?.end).toEqual({ date: "2026-12-19" });
    await h.hostPublish("cycle.deleted", { cycle: { id: "cyc_1" } });
    expect(eventsOf(h)).toHaveLength(0);
  });
});

describe("Google Calendar sync: calendar → app", () => {
  it("a moved event changes the due date through the host port, and the echo writes nothing back", async () => {
    const h = await setup({ issues: [issue("iss_1", "2026-12-02")] });
    await h.connect();
    const patchesBefore = h.requests("events.patch");
    const inserts = h.requests("events.insert");
    h.calendar.moveToDay("primary@sim.example", eventFor(h, "WEB-1")?.id ?? "", "2026-12-04");
    await h.settle();
    expect(h.dueOf("WEB-1")).toBe("2026-12-04");
    // The issue.updated the host published for our own change, and Google's push of the
    // change: neither makes another write.
    expect(h.requests("events.patch")).toBe(patchesBefore);
    expect(h.requests("events.insert")).toBe(inserts);
    expect(h.published.filter((event) => event.type === "issue.updated")).toHaveLength(1);
  });

  it("a deleted event clears the due date by default, or is put back when configured", async () => {
    const h = await setup({ issues: [issue("iss_1", "2026-12-02"), issue("iss_2", "2026-12-03")] });
    await h.connect();
    h.calendar.userDelete("primary@sim.example", eventFor(h, "WEB-1")?.id ?? "");
    await h.settle();
    expect(h.dueOf("WEB-1")).toBeNull();

    await h.call("PUT", `/google-calendar/connections/${h.installationId}/sync`, {
      body: {
        calendarId: "primary@sim.example",
        projectIds: ["prj_web"],
        timeZone: "Europe/Berlin",
        onEventDeleted: "recreate_event",
      },
    });
    await h.settle();
    h.calendar.userDelete("primary@sim.example", eventFor(h, "WEB-2")?.id ?? "");
    await h.settle();
    expect(h.dueOf("WEB-2")).toBe("2026-12-03");
    expect(eventFor(h, "WEB-2")?.start).toEqual({ date: "2026-12-03" });
  });

  it("410 Gone: a full resync applies what changed and duplicates nothing", async () => {
    const h = await setup({
      issues: [issue("iss_1", "2026-12-02"), issue("iss_2", "2026-12-03")],
      push: false,
    });
    const sync = await h.connect();
    h.calendar.expireSyncTokens();
    h.calendar.moveToDay("primary@sim.example", eventFor(h, "WEB-2")?.id ?? "", "2026-12-10");
    const inserts = h.requests("events.insert");
    await h.call("POST", `/google-calendar/syncs/${sync.id}/run`);
    await h.settle();
    expect(h.dueOf("WEB-2")).toBe("2026-12-10");
    expect(eventsOf(h)).toHaveLength(2);
    expect(h.requests("events.insert")).toBe(inserts);
    // The incremental path meets 410 too and recovers the same way.
    h.calendar.expireSyncTokens();
    h.calendar.moveToDay("primary@sim.example", eventFor(h, "WEB-1")?.id ?? "", "2026-12-11");
    await h.plugboard.worker.runDue();
    await h.context.worker.enqueue((await import("./runtime")).syncJob, {
      organizationId: "org_acme",
      syncId: sync.id,
      full: false,
    });
    await h.settle();
    expect(h.dueOf("WEB-1")).toBe("2026-12-11");
    expect(eventsOf(h)).toHaveLength(2);
  });

  it("412: a write that meets a calendar change merges by the most recent change per field, and retries", async () => {
    // Without push, the calendar's move is not seen before the app writes.
    const h = await setup({
      issues: [issue("iss_1", "2026-12-02"), issue("iss_2", "2026-12-03")],
      push: false,
    });
    const sync = await h.connect();
    // Only the calendar moved the date; the app changed the title: both survive.
    h.calendar.moveToDay("primary@sim.example", eventFor(h, "WEB-1")?.id ?? "", "2026-12-06");
    await h.hostUpdate("iss_1", { title: "Renamed" });
    expect(eventFor(h, "WEB-1")?.summary).toBe("WEB-1 Renamed");
    expect(eventFor(h, "WEB-1")?.start).toEqual({ date: "2026-12-06" });
    expect(h.dueOf("WEB-1")).toBe("2026-12-06");
    // Both moved it: the app's change is the more recent one, so the app's date wins.
    h.calendar.moveToDay("primary@sim.example", eventFor(h, "WEB-2")?.id ?? "", "2026-12-07");
    h.clock.now += 60_000;
    await h.hostUpdate("iss_2", { dueDate: "2026-12-08" });
    expect(eventFor(h, "WEB-2")?.start).toEqual({ date: "2026-12-08" });
    expect(h.dueOf("WEB-2")).toBe("2026-12-08");
    const record = await h.store.googleCalendar.getSync("org_acme", sync.id);
    expect(record?.conflictCount).toBe(1);
  });

  it("creates issues from tagged events only when a tag is configured", async () => {
    const h = await setup();
    await h.connect();
    const insertAsUser = (id: string, summary: string) =>
      fetch(`${h.google.origin}/calendar/v3/calendars/primary/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${h.google.simulation.grant().accessToken}` },
        body: JSON.stringify({
          id,
          summary,
          start: { date: "2026-12-09" },
          end: { date: "2026-12-10" },
        }),
      });
    await insertAsUser("user00001", "Plan launch #WEB");
    await h.settle();
    expect(
      await h.memory.port.issues.search({ organizationId: "org_acme", actor: { userId: "x" } }, {}),
    ).toHaveLength(0);
    await h.connect({ createIssuesTag: "#WEB" });
    await insertAsUser("user00002", "Write docs #WEB");
    await h.settle();
    const created = await h.memory.port.issues.search(
      { organizationId: "org_acme", actor: { userId: "x" } },
      { text: "Write docs" },
    );
    expect(created.map((found) => found.dueDate)).toEqual(["2026-12-09"]);
    expect(eventsOf(h)).toHaveLength(2);
  });

  it("honours the direction: to_calendar puts a moved event back, from_calendar never writes", async () => {
    const h = await setup({ issues: [issue("iss_1", "2026-12-02")] });
    await h.connect({ direction: "to_calendar" });
    h.calendar.moveToDay("primary@sim.example", eventFor(h, "WEB-1")?.id ?? "", "2026-12-05");
    await h.settle();
    expect(h.dueOf("WEB-1")).toBe("2026-12-02");
    expect(eventFor(h, "WEB-1")?.start).toEqual({ date: "2026-12-02" });

    await h.connect({ direction: "from_calendar" });
    const patches = h.requests("events.patch");
    await h.hostUpdate("iss_1", { dueDate: "2026-12-20" });
    expect(h.requests("events.patch")).toBe(patches);
    h.calendar.moveToDay("primary@sim.example", eventFor(h, "WEB-1")?.id ?? "", "2026-12-03");
    await h.settle();
    expect(h.dueOf("WEB-1")).toBe("2026-12-03");
  });
});

describe("Google Calendar sync: push, quota, connection", () => {
  it("checks every notification: unknown channel, wrong token or resource id are refused and queue nothing", async () => {
    const h = await setup({ issues: [issue("iss_1", "2026-12-02")] });
    const sync = await h.connect();
    const record = await h.store.googleCalendar.getSync("org_acme", sync.id);
    const channel = [...h.calendar.channels.values()].find(
      (candidate) => candidate.id === record?.channelId,
    );
    const notify = (headers: Record<string, string>) =>
      h.plugboard.handler(
        new Request("http://app.test/api/plugboard/providers/google-calendar/notifications", {
          method: "POST",
          headers: {
            "x-goog-channel-id": channel?.id ?? "",
            "x-goog-channel-token": channel?.token ?? "",
            "x-goog-resource-id": channel?.resourceId ?? "",
            "x-goog-resource-state": "exists",
            "x-goog-message-number": "7",
            ...headers,
          },
        }),
      );
    expect((await notify({ "x-goog-channel-token": `${channel?.token}x` })).status).toBe(401);
    expect((await notify({ "x-goog-resource-id": "other" })).status).toBe(401);
    expect((await notify({ "x-goog-channel-id": "gch_unknown" })).status).toBe(401);
    expect((await notify({ "x-goog-channel-id": "" })).status).toBe(400);
    expect(await h.plugboard.worker.list({ state: "pending" })).toHaveLength(0);
    expect(await (await notify({ "x-goog-resource-state": "sync" })).json()).toEqual({
      status: "ignored",
    });
    expect(await (await notify({})).json()).toEqual({ status: "queued" });
    expect(await h.plugboard.worker.list({ state: "pending" })).toHaveLength(1);
    // Google pushed `sync` on opening the channel (maybe before the channel was stored) and our
    // own inserts back: all answered 200 once answered (a push trails the write that caused it).
    await h.calendar.settled();
    expect(h.calendar.pushes.map((sent) => sent.status).filter((status) => status !== 200)).toEqual(
      [],
    );
  });

  it("renews a channel before it expires and stops the old one; the poll finds changes without push", async () => {
    const h = await setup({ issues: [issue("iss_1", "2026-12-02")] });
    const sync = await h.connect();
    const first = await h.store.googleCalendar.getSync("org_acme", sync.id);
    h.clock.now = (first?.channelExpiresAt ?? 0) - 3_600_000;
    await h.settle();
    const renewed = await h.store.googleCalendar.getSync("org_acme", sync.id);
    expect(renewed?.channelId).not.toBe(first?.channelId);
    expect(h.calendar.channels.get(first?.channelId ?? "")?.stopped).toBe(true);
    expect(renewed?.channelExpiresAt).toBeGreaterThan(h.clock.now);
  });

  it("backs off on 429 and 403 rateLimitExceeded and loses nothing", async () => {
    const issues = Array.from({ length: 12 }, (_, index) =>
      issue(`iss_${index + 1}`, "2026-12-02"),
    );
    const h = await setup({ issues, push: false });
    h.calendar.injectRateLimit(4, { status: 429, every: 3 });
    await h.connect();
    h.calendar.injectRateLimit(2, { status: 403 });
    await h.hostUpdate("iss_1", { dueDate: "2026-12-03" });
    expect(eventsOf(h)).toHaveLength(12);
    expect(h.calendar.throttled).toBe(6);
    expect(eventFor(h, "WEB-1 ")?.start).toEqual({ date: "2026-12-03" });
  });

  it("a refresh Google refuses marks the sync needs-reconnect and publishes integration.disconnected once; the poll runs it again after a reconnect", async () => {
    const h = await setup({ issues: [issue("iss_1", "2026-12-02")] });
    await h.connect();
    // The user revoked access at Google: the refresh token is refused once the token expires.
    const [installation] = await h.store.installations.list("org_acme");
    await h.store.installations.updateCredentials(
      "org_acme",
      h.installationId,
      {
        secret: await sealOAuthTokens(h.plugboard, h.installationId, {
          accessToken: "ya29.expired",
          refreshToken: "1//0sim-refresh-revoked",
          expiresAt: h.clock.now - 1,
        }),
        updatedAt: h.clock.now,
      },
      installation?.secret,
    );
    await h.hostUpdate("iss_1", { dueDate: "2026-12-03" });
    h.clock.now += 600_000;
    await h.hostUpdate("iss_1", { dueDate: "2026-12-04" });
    const list = await h.call("GET", "/google-calendar/syncs");
    const [shown] = ((await list.json()) as { data: Record<string, unknown>[] }).data;
    expect(shown).toMatchObject({ status: "needs_reconnect" });
    expect(String(shown?.lastError)).toContain("reconnected");
    expect(h.published.filter((event) => event.type === "integration.disconnected")).toHaveLength(
      1,
    );

    // Reconnected: the next poll runs the sync again (nothing else would) and it is active.
    const grant = h.google.simulation.grant();
    await h.store.installations.updateCredentials("org_acme", h.installationId, {
      secret: await sealOAuthTokens(h.plugboard, h.installationId, {
        accessToken: grant.accessToken,
        refreshToken: grant.refreshToken,
        expiresAt: h.clock.now + 3_600_000,
      }),
      status: "active",
      updatedAt: h.clock.now,
    });
    h.clock.now += 300_000;
    await h.settle();
    expect(await h.store.googleCalendar.listSyncs("org_acme")).toMatchObject([
      { status: "active", lastError: null },
    ]);
  });
});
