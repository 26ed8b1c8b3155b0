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
  });
}
