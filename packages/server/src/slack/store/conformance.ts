import { describe, expect, it } from "vitest";
import { type StoreUnderTest, storePerTest } from "../../stores/conformance/store-per-test";
import type { SlackChannelSettingsRecord } from "./types";

function settings(
  overrides: Partial<Omit<SlackChannelSettingsRecord, "lastDelivery">> = {},
): Omit<SlackChannelSettingsRecord, "lastDelivery"> {
  return {
    organizationId: "org_acme",
    projectId: "prj_web",
    channelId: "C0GENERAL",
    channelName: "general",
    events: ["issue.created", "issue.updated"],
    updatedBy: "usr_ada",
    updatedAt: 1_764_000_000_000,
    ...overrides,
  };
}

export function describeSlackStoreConformance(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void {
  describe(`${name}: SlackStore conformance`, () => {
    const store = storePerTest(makeStore);

    it("keeps one channel per project of an organization, replaced by the next choice", async () => {
      await store().slack.putSettings(settings());
      const again = await store().slack.putSettings(
        settings({ channelId: "C0ENG", channelName: "eng", events: ["comment.created"] }),
      );

      expect(again).toEqual({
        ...settings({ channelId: "C0ENG", channelName: "eng", events: ["comment.created"] }),
        lastDelivery: null,
      });
      expect(await store().slack.getSettings("org_acme", "prj_web")).toEqual(again);
      expect(await store().slack.getSettings("org_globex", "prj_web")).toBeNull();
      expect(await store().slack.deleteSettings("org_globex", "prj_web")).toBe(false);
      expect(await store().slack.deleteSettings("org_acme", "prj_web")).toBe(true);
      expect(await store().slack.getSettings("org_acme", "prj_web")).toBeNull();
    });

    it("records the last delivery outcome and keeps it when the settings change", async () => {
      await store().slack.putSettings(settings());
      const outcome = {
        status: "failed" as const,
        error: "not_in_channel",
        eventType: "issue.created",
        at: 1_764_000_000_500,
      };
      await store().slack.recordDeliveryOutcome("org_acme", "prj_web", outcome);
      await store().slack.putSettings(settings({ events: ["issue.completed"] }));

      expect((await store().slack.getSettings("org_acme", "prj_web"))?.lastDelivery).toEqual(
        outcome,
      );
    });

    it("keeps the first message of an issue per channel", async () => {
      const message = {
        organizationId: "org_acme",
        issueId: "iss_12",
        channelId: "C0GENERAL",
        ts: "1764000000.000001",
        createdAt: 1,
      };
      expect(await store().slack.saveIssueMessage(message)).toBe(true);
      expect(await store().slack.saveIssueMessage({ ...message, ts: "1764000000.000009" })).toBe(
        false,
      );
      expect(await store().slack.findIssueMessage("org_acme", "iss_12", "C0GENERAL")).toEqual(
        message,
      );
      expect(await store().slack.findIssueMessage("org_acme", "iss_12", "C0ENG")).toBeNull();
      expect(await store().slack.findIssueMessage("org_globex", "iss_12", "C0GENERAL")).toBeNull();
    });

    it("sees an inbound id once, whoever races, and prunes old ones", async () => {
      const results = await Promise.all([
        store().slack.recordInbound("event:Ev1", 1_000),
        store().slack.recordInbound("event:Ev1", 1_000),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      await store().slack.recordInbound("event:Ev2", 3_000);

      expect(await store().slack.pruneInbound(2_000)).toBe(1);
      expect(await store().slack.recordInbound("event:Ev1", 4_000)).toBe(true);
      expect(await store().slack.recordInbound("event:Ev2", 4_000)).toBe(false);
    });

    it("logs a notification's attempts on one row per event and channel, the latest first", async () => {
      const attempt = {
        id: "sld_1",
        organizationId: "org_acme",
        projectId: "prj_web",
        eventId: "evt_1",
        eventType: "issue.created",
        channelId: "C0GENERAL",
      };
      await store().slack.recordDeliveryAttempt({
        ...attempt,
        status: "retrying",
        lastError: "delivery_failed",
        at: 1_000,
      });
      // Two attempts at once (a lapsed lease retaken) both count.
      await Promise.all([
        store().slack.recordDeliveryAttempt({
          ...attempt,
          id: "sld_ignored",
          status: "retrying",
          lastError: "ratelimited",
          at: 2_000,
        }),
        store().slack.recordDeliveryAttempt({
          ...attempt,
          id: "sld_ignored2",
          status: "retrying",
          lastError: "ratelimited",
          at: 2_000,
        }),
      ]);
      await store().slack.recordDeliveryAttempt({
        ...attempt,
        status: "delivered",
        lastError: null,
        at: 3_000,
      });
      await store().slack.recordDeliveryAttempt({
        ...attempt,
        id: "sld_2",
        eventId: "evt_2",
        status: "failed",
        lastError: "channel_not_found",
        at: 4_000,
      });
      await store().slack.recordDeliveryAttempt({
        ...attempt,
        id: "sld_other",
        projectId: "prj_api",
        eventId: "evt_3",
        status: "delivered",
        lastError: null,
        at: 5_000,
      });

      expect(await store().slack.listDeliveries("org_acme", "prj_web", 10)).toEqual([
        {
          ...attempt,
          id: "sld_2",
          eventId: "evt_2",
          status: "failed",
          attempts: 1,
          lastError: "channel_not_found",
          createdAt: 4_000,
          lastAttemptAt: 4_000,
        },
        // Delivered on the fourth attempt; the last failure stays readable.
        {
          ...attempt,
          status: "delivered",
          attempts: 4,
          lastError: "ratelimited",
          createdAt: 1_000,
          lastAttemptAt: 3_000,
        },
      ]);
      expect(await store().slack.listDeliveries("org_acme", "prj_web", 1)).toHaveLength(1);
      expect(await store().slack.listDeliveries("org_globex", "prj_web", 10)).toEqual([]);
    });
  });
}
