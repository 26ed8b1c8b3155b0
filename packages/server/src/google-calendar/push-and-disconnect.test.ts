import { afterEach, describe, expect, it } from "vitest";
import { type CalendarHarness, calendarHarness, issue } from "./google-calendar.test-harness";
import { enqueueSync } from "./runtime";

let harness: CalendarHarness | undefined;
async function setup(...args: Parameters<typeof calendarHarness>) {
  harness = await calendarHarness(...args);
  return harness;
}
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const CAL = "primary@sim.example";
const eventId = (h: CalendarHarness, key: string) =>
  ((h.events() as { id: string; summary?: string }[]).find((event) => event.summary?.includes(key))
    ?.id ?? "") as string;

describe("Google Calendar push: nothing waits for the poll", () => {
  it("a change made after a sync's last listing, before its token is stored, is read at once", async () => {
    const h = await setup({ issues: [issue("iss_1", "2026-12-02")] });
    const { id } = await h.connect();
    const sync = await h.store.googleCalendar.getSync("org_acme", id);
    // The person moves the event exactly in the window: the incremental job has listed (nothing
    // new) and is storing the sync token; Google's push for the move arrives while it runs.
    const store = h.store.googleCalendar;
    const updateSync = store.updateSync.bind(store);
    let armed = true;
    store.updateSync = async (organizationId, syncId, update) => {
      if (armed && update.syncToken !== undefined) {
        armed = false;
        h.calendar.moveToDay(CAL, eventId(h, "WEB-1"), "2026-12-05");
        await h.calendar.settled();
      }
      return updateSync(organizationId, syncId, update);
    };
    if (!sync) throw new Error("no sync");
    await enqueueSync(h.context, sync);
    // The clock stands still: the poll does not run again, only the push can bring the move.
    await h.settle();
    expect(armed).toBe(false);
    expect(h.dueOf("WEB-1")).toBe("2026-12-05");
    const after = await store.getSync("org_acme", id);
    expect(after?.changesPulled).toBe(after?.changesNoted);
  });

  it("a change pushed after the job's last check (it is finishing) queues another job after it", async () => {
    const h = await setup({ issues: [issue("iss_1", "2026-12-02")] });
    const { id } = await h.connect();
    const store = h.store.googleCalendar;
    const sync = await store.getSync("org_acme", id);
    // The job has finished its listing with the count unchanged; the push for the move lands
    // now, while the job still counts as running.
    const finishPull = store.finishPull.bind(store);
    let armed = true;
    store.finishPull = async (...args) => {
      const finished = await finishPull(...args);
      if (finished && armed) {
        armed = false;
        h.calendar.moveToDay(CAL, eventId(h, "WEB-1"), "2026-12-06");
        await h.calendar.settled();
      }
      return finished;
    };
    if (!sync) throw new Error("no sync");
    await enqueueSync(h.context, sync);
    await h.settle();
    expect(armed).toBe(false);
    expect(h.dueOf("WEB-1")).toBe("2026-12-06");
  });

  it("a change pushed while a job and the one queued after it are both finishing is read at once", async () => {
    const h = await setup({ issues: [issue("iss_1", "2026-12-02")] });
    const { id } = await h.connect();
    const store = h.store.googleCalendar;
    const sync = await store.getSync("org_acme", id);
    // Both jobs are past their last look at the count and are recording their outcome (the job
    // queue still shows them running): the first move's push queues the follow-up, which runs
    // beside the first job; the second move's push lands while both are finishing.
    const updateSync = store.updateSync.bind(store);
    const moves = ["2026-12-05", "2026-12-06"];
    store.updateSync = async (organizationId, syncId, update) => {
      const day = update.lastSyncAt === undefined ? undefined : moves.shift();
      if (day) {
        h.calendar.moveToDay(CAL, eventId(h, "WEB-1"), day);
        await h.calendar.settled();
        if (moves.length === 1) await h.plugboard.worker.runDue();
      }
      return updateSync(organizationId, syncId, update);
    };
    if (!sync) throw new Error("no sync");
    await enqueueSync(h.context, sync);
    // The clock stands still: the poll does not run again, only the push can bring the move.
    await h.settle();
    expect(moves).toEqual([]);
    expect(h.dueOf("WEB-1")).toBe("2026-12-06");
    const after = await store.getSync("org_acme", id);
    expect(after?.changesPulled).toBe(after?.changesNoted);
  });

  it("a job that a stream of pushes keeps from finishing hands the owed listing to a new job", async () => {
    const h = await setup({ issues: [issue("iss_1", "2026-12-02")] });
    const { id } = await h.connect();
    const store = h.store.googleCalendar;
    const before = await store.getSync("org_acme", id);
    // The first move's push queues the job; a push arrives during each of its five listings, and
    // those find a listing owed (this job's), so they queue nothing themselves.
    const finishPull = store.finishPull.bind(store);
    const moves = ["2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07", "2026-12-08"];
    store.finishPull = async (...args) => {
      const day = moves.shift();
      if (day) {
        h.calendar.moveToDay(CAL, eventId(h, "WEB-1"), day);
        await h.calendar.settled();
      }
      return finishPull(...args);
    };
    h.calendar.moveToDay(CAL, eventId(h, "WEB-1"), "2026-12-03");
    await h.calendar.settled();
    expect(await h.plugboard.worker.list({ state: "pending" })).toHaveLength(1);
    await h.settle();
    expect(moves).toEqual([]);
    expect(h.dueOf("WEB-1")).toBe("2026-12-08");
    const after = await store.getSync("org_acme", id);
    expect(after?.changesNoted).toBe((before?.changesNoted ?? 0) + 6);
    expect(after?.changesPulled).toBe(after?.changesNoted);
  });

  it("a burst of notifications queues one incremental sync", async () => {
    const h = await setup({ issues: [issue("iss_1", "2026-12-02")] });
    const { id } = await h.connect();
    const sync = await h.store.googleCalendar.getSync("org_acme", id);
    const channel = h.calendar.channels.get(sync?.channelId ?? "");
    const notify = (number: number) =>
      h.plugboard.handler(
        new Request("http://app.test/api/plugboard/providers/google-calendar/notifications", {
          method: "POST",
          headers: {
            "x-goog-channel-id": channel?.id ?? "",
            "x-goog-channel-token": channel?.token ?? "",
            "x-goog-resource-id": channel?.resourceId ?? "",
            "x-goog-resource-state": "exists",
            "x-goog-message-number": String(number),
          },
        }),
      );
    for (const number of [3, 4, 7]) expect((await notify(number)).status).toBe(200);
    expect(await h.plugboard.worker.list({ state: "pending" })).toHaveLength(1);
    await h.settle();
    const after = await h.store.googleCalendar.getSync("org_acme", id);
    expect(after?.changesNoted).toBeGreaterThanOrEqual(3);
    expect(after?.changesPulled).toBe(after?.changesNoted);
  });
});

describe("Google Calendar disconnect", () => {
  it("uninstalling stops the watch channel and deletes the sync and its event map; the events stay", async () => {
    const h = await setup({ issues: [issue("iss_1", "2026-12-02"), issue("iss_2", "2026-12-03")] });
    const { id } = await h.connect();
    const sync = await h.store.googleCalendar.getSync("org_acme", id);
    const channel = h.calendar.channels.get(sync?.channelId ?? "");
    expect(await h.store.googleCalendar.countLinks(id)).toBe(2);

    const removed = await h.call(
      "DELETE",
      `/integrations/google-calendar/installations/${h.installationId}`,
    );
    expect(removed.status).toBe(204);
    expect(channel?.stopped).toBe(true);
    expect(await h.store.googleCalendar.getSync("org_acme", id)).toBeNull();
    expect(await h.store.googleCalendar.countLinks(id)).toBe(0);
    expect(h.events()).toHaveLength(2);

    // Google's late pushes on the stopped channel are refused and start nothing.
    const late = await h.plugboard.handler(
      new Request("http://app.test/api/plugboard/providers/google-calendar/notifications", {
        method: "POST",
        headers: {
          "x-goog-channel-id": channel?.id ?? "",
          "x-goog-channel-token": channel?.token ?? "",
          "x-goog-resource-id": channel?.resourceId ?? "",
          "x-goog-resource-state": "exists",
        },
      }),
    );
    expect(late.status).toBe(401);
    await h.hostUpdate("iss_1", { dueDate: "2026-12-09" });
    expect(await h.plugboard.worker.list({ state: "dead" })).toHaveLength(0);
    expect(h.requests("events.patch")).toBe(0);
  });

  it("stopping the sync (keeping the connection) does the same", async () => {
    const h = await setup({ issues: [issue("iss_1", "2026-12-02")] });
    const { id } = await h.connect();
    const sync = await h.store.googleCalendar.getSync("org_acme", id);
    const response = await h.call("DELETE", `/google-calendar/syncs/${id}`);
    expect(response.status).toBe(204);
    expect(h.calendar.channels.get(sync?.channelId ?? "")?.stopped).toBe(true);
    expect(await h.store.googleCalendar.countLinks(id)).toBe(0);
    expect(await h.store.installations.get("org_acme", h.installationId)).not.toBeNull();
  });
});
