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
    // The job has recorded its listing and read the count one last time (unchanged); the push
    // for the move lands now, while the job still counts as running.
    const markPulled = store.markPulled.bind(store);
    const getSync = store.getSync.bind(store);
    let stage: "armed" | "checking" | "done" = "armed";
    store.markPulled = async (...args) => {
      await markPulled(...args);
      if (stage === "armed") stage = "checking";
    };
    store.getSync = async (...args) => {
      const found = await getSync(...args);
      if (stage === "checking") {
        stage = "done";
        h.calendar.moveToDay(CAL, eventId(h, "WEB-1"), "2026-12-06");
        await h.calendar.settled();
      }
      return found;
    };
    if (!sync) throw new Error("no sync");
    await enqueueSync(h.context, sync);
    await h.settle();
    expect(stage).toBe("done");
    expect(h.dueOf("WEB-1")).toBe("2026-12-06");
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
