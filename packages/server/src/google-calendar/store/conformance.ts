import { describe, expect, it } from "vitest";
import {
  expectConflict,
  type StoreUnderTest,
  storePerTest,
} from "../../stores/conformance/store-per-test";
import type { CalendarEventLink, CalendarSyncRecord } from "./types";

let sequence = 0;

function syncRecord(overrides: Partial<CalendarSyncRecord> = {}): CalendarSyncRecord {
  sequence += 1;
  return {
    id: `gcs_conformance${String(sequence).padStart(6, "0")}`,
    organizationId: "org_acme",
    installationId: `ins_${sequence}`,
    calendarId: "team@group.calendar.google.com",
    calendarName: "Team",
    projectIds: ["prj_web"],
    direction: "both",
    timeZone: "Europe/Berlin",
    completedPrefix: "✓ ",
    completedColorId: null,
    onEventDeleted: "clear_due_date",
    createIssuesTag: null,
    status: "active",
    syncToken: null,
    lastSyncAt: null,
    lastError: null,
    conflictCount: 0,
    channelId: null,
    channelTokenHash: null,
    channelResourceId: null,
    channelExpiresAt: null,
    changesNoted: 0,
    changesPulled: 0,
    createdAt: 1_764_000_000_000 + sequence,
    updatedAt: 1_764_000_000_000 + sequence,
    ...overrides,
  };
}

function link(syncId: string, overrides: Partial<CalendarEventLink> = {}): CalendarEventLink {
  return {
    syncId,
    itemKey: "issue:iss_1",
    eventId: "plugboardiss1",
    etag: '"1"',
    syncedDue: "2026-12-01",
    syncedTitle: "Ship it",
    syncedLastDay: null,
    updatedAt: 1,
    ...overrides,
  };
}

export function describeGoogleCalendarStoreConformance(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void {
  describe(`${name}: GoogleCalendarStore conformance`, () => {
    const store = storePerTest(makeStore);

    it("keeps one sync per connection, found by installation and by channel, per organization", async () => {
      const sync = syncRecord({ channelId: "chan-1", completedColorId: "8" });
      await store().googleCalendar.createSync(sync);
      await expectConflict(
        store().googleCalendar.createSync(syncRecord({ installationId: sync.installationId })),
      );
      expect(await store().googleCalendar.getSync("org_acme", sync.id)).toEqual(sync);
      expect(await store().googleCalendar.getSync("org_globex", sync.id)).toBeNull();
      expect(
        await store().googleCalendar.findSyncByInstallation("org_acme", sync.installationId),
      ).toEqual(sync);
      expect(await store().googleCalendar.findSyncByChannel("chan-1")).toEqual(sync);
      expect(await store().googleCalendar.findSyncByChannel("chan-2")).toBeNull();
    });

    it("updates only the given fields and lists oldest first, per organization or all", async () => {
      const first = syncRecord({ createdAt: 1 });
      const second = syncRecord({ createdAt: 2, organizationId: "org_globex" });
      await store().googleCalendar.createSync(second);
      await store().googleCalendar.createSync(first);
      const updated = await store().googleCalendar.updateSync("org_acme", first.id, {
        syncToken: "token-1",
        lastSyncAt: 5,
        projectIds: ["prj_a", "prj_b"],
        direction: "to_calendar",
      });
      expect(updated).toEqual({
        ...first,
        syncToken: "token-1",
        lastSyncAt: 5,
        projectIds: ["prj_a", "prj_b"],
        direction: "to_calendar",
      });
      expect(await store().googleCalendar.updateSync("org_globex", first.id, {})).toBeNull();
      expect((await store().googleCalendar.listSyncs("org_acme")).map((sync) => sync.id)).toEqual([
        first.id,
      ]);
      expect((await store().googleCalendar.listSyncs()).map((sync) => sync.id)).toEqual([
        first.id,
        second.id,
      ]);
    });

    it("counts push notifications by channel; a listing finishes only if none arrived since it began", async () => {
      const calendar = () => store().googleCalendar;
      const sync = syncRecord({ channelId: "chan-1" });
      await calendar().createSync(sync);
      // Nothing owed: the first notification asks for a listing, the next one finds it owed.
      expect(await calendar().noteChanges("chan-1")).toBe(true);
      expect(await calendar().noteChanges("chan-1")).toBe(false);
      expect(await calendar().noteChanges("chan-2")).toBe(false);
      // A stale full-record update (read before the notifications) does not put the count back.
      await calendar().updateSync("org_acme", sync.id, { ...sync, syncToken: "t" });
      // A listing that began at 1 missed the second notification; one that began at 2 did not.
      expect(await calendar().finishPull("org_acme", sync.id, 1)).toBe(false);
      expect(await calendar().finishPull("org_globex", sync.id, 2)).toBe(false);
      expect(await calendar().noteChanges("chan-1")).toBe(false);
      expect(await calendar().finishPull("org_acme", sync.id, 3)).toBe(true);
      expect(await calendar().getSync("org_acme", sync.id)).toMatchObject({
        syncToken: "t",
        changesNoted: 3,
        changesPulled: 3,
      });
      // Notifications arriving together after a finish: exactly one of them asks for a listing.
      const asked = await Promise.all(
        Array.from({ length: 8 }, () => calendar().noteChanges("chan-1")),
      );
      expect(asked.filter(Boolean)).toHaveLength(1);
      expect(await calendar().finishPull("org_acme", sync.id, 10)).toBe(false);
      expect(await calendar().finishPull("org_acme", sync.id, 11)).toBe(true);
      expect(await calendar().noteChanges("chan-1")).toBe(true);
    });

    it("maps items to events both ways, one owner per event, and deletes links with the sync", async () => {
      const sync = syncRecord();
      await store().googleCalendar.createSync(sync);
      const first = link(sync.id);
      await store().googleCalendar.upsertLinks([first]);
      const moved = { ...first, etag: '"2"', syncedDue: "2026-12-03" };
      await store().googleCalendar.upsertLinks([moved]);
      expect(await store().googleCalendar.getLink(sync.id, "issue:iss_1")).toEqual(moved);
      expect(await store().googleCalendar.findLinkByEvent(sync.id, "plugboardiss1")).toEqual(moved);
      // The same event claimed by another item: the first loses it.
      const other = link(sync.id, { itemKey: "issue:iss_2" });
      await store().googleCalendar.upsertLinks([other]);
      expect(await store().googleCalendar.getLink(sync.id, "issue:iss_1")).toBeNull();
      const cycle = link(sync.id, {
        itemKey: "cycle:cyc_1",
        eventId: "e2",
        syncedLastDay: "2026-12-18",
      });
      await store().googleCalendar.upsertLinks([cycle]);
      expect(await store().googleCalendar.getLink(sync.id, "cycle:cyc_1")).toEqual(cycle);
      expect(
        await store().googleCalendar.getLinks(sync.id, [
          "cycle:cyc_1",
          "issue:iss_2",
          "issue:iss_9",
        ]),
      ).toHaveLength(2);
      // A page of a first sync, stored in one write.
      await store().googleCalendar.upsertLinks([
        link(sync.id, { itemKey: "issue:iss_3", eventId: "e3" }),
        link(sync.id, { itemKey: "issue:iss_4", eventId: "e4" }),
      ]);
      expect(await store().googleCalendar.countLinks(sync.id)).toBe(4);
      await store().googleCalendar.deleteLink(sync.id, "issue:iss_3");
      await store().googleCalendar.deleteLink(sync.id, "issue:iss_4");
      expect(await store().googleCalendar.countLinks(sync.id)).toBe(2);
      expect(await store().googleCalendar.deleteLink(sync.id, "cycle:cyc_1")).toBe(true);
      expect(await store().googleCalendar.deleteLink(sync.id, "cycle:cyc_1")).toBe(false);
      expect(await store().googleCalendar.deleteSync("org_globex", sync.id)).toBe(false);
      expect(await store().googleCalendar.deleteSync("org_acme", sync.id)).toBe(true);
      expect(await store().googleCalendar.countLinks(sync.id)).toBe(0);
      expect(await store().googleCalendar.getSync("org_acme", sync.id)).toBeNull();
    });
  });
}
