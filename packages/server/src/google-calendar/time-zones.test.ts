import { afterEach, describe, expect, it } from "vitest";
import { dueOf, dueTimes, sameDue } from "./event-mapping";
import { type CalendarHarness, calendarHarness, issue } from "./google-calendar.test-harness";

let harness: CalendarHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/**
 * The European DST change of 2026 is on Sunday 29 March (02:00 → 03:00), the US one on 8 March,
 * Sydney's end of DST on 5 April. A timed due date keeps its instant; a move in the week view
 * keeps the wall-clock time in the calendar's zone across the change.
 */
describe("time zones", () => {
  const cases = [
    {
      userZone: "Europe/Berlin",
      calendarZone: "Europe/Berlin",
      due: "2026-03-28T09:00:00+01:00",
      moved: "2026-03-29T09:00:00+02:00",
    },
    {
      userZone: "America/New_York",
      calendarZone: "Europe/Berlin",
      due: "2026-03-28T04:00:00-04:00",
      moved: "2026-03-29T03:00:00-04:00",
    },
    {
      userZone: "Australia/Sydney",
      calendarZone: "Australia/Sydney",
      due: "2026-04-04T10:00:00+11:00",
      moved: "2026-04-05T10:00:00+10:00",
    },
    {
      userZone: "Asia/Kolkata",
      calendarZone: "America/Los_Angeles",
      due: "2026-03-07T20:30:00+05:30",
      moved: "2026-03-08T19:30:00+05:30",
    },
  ];

  for (const { userZone, calendarZone, due, moved } of cases) {
    it(`user in ${userZone}, calendar in ${calendarZone}: the instant goes out, a move across DST comes back`, async () => {
      const h = await calendarHarness({ issues: [issue("iss_1", due)], calendarZone, push: true });
      harness = h;
      await h.connect({ timeZone: userZone });
      const [event] = h.events() as { id: string; start: { dateTime: string } }[];
      expect(Date.parse(event?.start.dateTime ?? "")).toBe(Date.parse(due));
      const nextDay = new Date(
        Date.parse(`${event?.start.dateTime.slice(0, 10)}T00:00:00Z`) + 86_400_000,
      )
        .toISOString()
        .slice(0, 10);
      h.calendar.moveToDay("primary@sim.example", event?.id ?? "", nextDay);
      await h.settle();
      expect(h.dueOf("WEB-1")).toBe(moved);
    });
  }

  it("all-day due dates never shift with the zone; instants compare across offsets", () => {
    expect(dueTimes("2026-03-29", "Pacific/Kiritimati")).toEqual({
      start: { date: "2026-03-29" },
      end: { date: "2026-03-30" },
    });
    expect(
      dueOf(
        { id: "e", etag: "1", status: "confirmed", start: { date: "2026-03-29" } },
        "Asia/Tokyo",
      ),
    ).toBe("2026-03-29");
    expect(sameDue("2026-03-29T09:00:00+02:00", "2026-03-29T07:00:00Z")).toBe(true);
    expect(sameDue("2026-03-29", "2026-03-29T00:00:00Z")).toBe(false);
  });
});
