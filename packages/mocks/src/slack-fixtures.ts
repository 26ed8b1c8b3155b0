import { type Plugboard, type Store, sealOAuthTokens } from "@plugboard/server";
import { fixtureProjectId } from "./oauth-fixtures";

/** The fixture Slack installation's bot token; the simulated Slack accepts it. */
export const fixtureSlackToken = "xoxb-fixture-acme";

/** How far the fixture Slack app is set up: installed only, or with the project's channel. */
export type SlackFixture = "installed" | "channel" | "channel-failing" | "disconnected";

const installedAt = Date.parse("2026-10-03T09:00:00Z");

/** Slack installed for org_acme ("Acme Inc", team T0PLUGBRD), and maybe prj_web's channel. */
export async function seedSlackFixtures(
  store: Store,
  plugboard: Plugboard,
  fixture: SlackFixture,
): Promise<void> {
  const id = "ins_slack_acme";
  await store.installations.create({
    id,
    provider: "slack",
    organizationId: "org_acme",
    projectId: null,
    level: "organization",
    status: fixture === "disconnected" ? "disconnected" : "active",
    externalAccountName: "Acme Inc",
    externalAccountId: "T0PLUGBRD",
    scopes: ["chat:write", "channels:read", "links:read", "links:write", "commands"],
    installedBy: "user_ada",
    secret: await sealOAuthTokens(plugboard, id, { accessToken: fixtureSlackToken }),
    createdAt: installedAt,
    updatedAt: installedAt,
  });
  if (fixture !== "channel" && fixture !== "channel-failing") return;
  await store.slack.putSettings({
    organizationId: "org_acme",
    projectId: fixtureProjectId,
    channelId: fixture === "channel" ? "C0ENG" : "C0SECRET",
    channelName: fixture === "channel" ? "eng" : "secret",
    events: ["issue.created", "issue.updated", "issue.completed"],
    updatedBy: "user_ada",
    updatedAt: installedAt,
  });
  // The delivery log: an issue's creation, and its change that took two attempts.
  const channelId = fixture === "channel" ? "C0ENG" : "C0SECRET";
  const log = [
    { eventId: "evt_created_12", eventType: "issue.created", minutes: 30, error: null },
    { eventId: "evt_updated_12", eventType: "issue.updated", minutes: 55, error: "http_503" },
    { eventId: "evt_updated_12", eventType: "issue.updated", minutes: 60, error: null },
  ];
  for (const entry of log) {
    const failed = fixture === "channel-failing" && entry.error === null;
    await store.slack.recordDeliveryAttempt({
      id: `sld_${entry.eventId}`,
      organizationId: "org_acme",
      projectId: fixtureProjectId,
      eventId: entry.eventId,
      eventType: entry.eventType,
      channelId,
      status: failed ? "failed" : entry.error ? "retrying" : "delivered",
      lastError: failed ? "not_in_channel" : entry.error,
      at: installedAt + entry.minutes * 60 * 1000,
    });
  }
  await store.slack.recordDeliveryOutcome("org_acme", fixtureProjectId, {
    status: fixture === "channel" ? "delivered" : "failed",
    error: fixture === "channel" ? null : "not_in_channel",
    eventType: "issue.created",
    at: installedAt + 60 * 60 * 1000,
  });
}
