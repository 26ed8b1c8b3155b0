import { afterEach, describe, expect, it } from "vitest";
import { type CalendarHarness, calendarHarness } from "./google-calendar.test-harness";

let harness: CalendarHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const CAL = "primary@sim.example";
type Event = { id: string; summary?: string; description?: string; start: object; end: object };
const cycleEvent = (h: CalendarHarness) =>
  (h.events() as Event[]).find((event) => event.summary?.startsWith("Cycle: "));

const sprint = (changes: Record<string, string> = {}) => ({
  cycle: {
    id: "cyc_1",
    name: "Sprint 12",
    projectId: "prj_web",
    startDate: "2026-12-07",
    endDate: "2026-12-18",
    ...changes,
  },
});

/**
 * Cycles flow one way, app → calendar: the host port cannot change a cycle's dates, so an edit
 * in the calendar is put back at once rather than silently overwritten at the app's next change.
 */
describe("Google Calendar cycles: one way, app → calendar", () => {
  it("a cycle moved or renamed in the calendar is put back at once, and says why", async () => {
    const h = await calendarHarness();
    harness = h;
    await h.connect();
    await h.hostPublish("cycle.created", sprint());
    const event = cycleEvent(h);
    expect(event?.description).toContain("changes made here are put back");

    h.calendar.moveToDay(CAL, event?.id ?? "", "2026-12-14");
    await h.settle();
    expect(cycleEvent(h)?.start).toEqual({ date: "2026-12-07" });
    expect(cycleEvent(h)?.end).toEqual({ date: "2026-12-19" });

    h.calendar.userPatch(CAL, event?.id ?? "", { summary: "Holiday" });
    await h.settle();
    expect(cycleEvent(h)?.summary).toBe("Cycle: Sprint 12");
    // Put back once: our own write's push is an echo, not another edit.
    const patches = h.requests("events.patch");
    await h.settle();
    expect(h.requests("events.patch")).toBe(patches);
  });

  it("a cycle deleted in the calendar comes back; a new end date in the app reaches the event", async () => {
    const h = await calendarHarness();
    harness = h;
    await h.connect({ direction: "both" });
    await h.hostPublish("cycle.created", sprint());
    h.calendar.userDelete(CAL, cycleEvent(h)?.id ?? "");
    await h.settle();
    expect(cycleEvent(h)?.start).toEqual({ date: "2026-12-07" });

    // Only the last day changes: the event follows (the start alone is not the whole cycle).
    await h.hostPublish("cycle.updated", sprint({ endDate: "2026-12-21" }));
    expect(cycleEvent(h)?.end).toEqual({ date: "2026-12-22" });
    expect(h.events()).toHaveLength(1);
  });
});
