import type { GoogleSimulation } from "@plugboard/provider-simulators";
import { type Plugboard, type Store, sealOAuthTokens } from "@plugboard/server";
import { fixtureIdentities } from "./fixtures";

/** Ada's own Google Calendar connection (user level) and what its sync has done so far. */
export type GoogleCalendarFixture = "connected" | "synced" | "needs_reconnect";

export const fixtureGoogleInstallationId = "ins_google_ada";
export const fixtureCalendarSyncId = "gcs_fixture_ada";
const at = Date.parse("2026-11-30T08:15:00Z");

/**
 * `connected`: installed, no sync yet (the settings form). `synced`: syncing the primary calendar
 * with 3 events and 1 settled conflict. `needs_reconnect`: Google refused to refresh the token.
 */
export async function seedGoogleCalendar(
  store: Store,
  plugboard: Plugboard,
  google: GoogleSimulation,
  fixture: GoogleCalendarFixture,
): Promise<void> {
  const grant = google.grant();
  await store.installations.create({
    id: fixtureGoogleInstallationId,
    provider: "google-calendar",
    organizationId: fixtureIdentities.admin.organizationId,
    projectId: null,
    level: "user",
    status: fixture === "needs_reconnect" ? "error" : "active",
    externalAccountName: google.email,
    externalAccountId: "110169484474386276334",
    scopes: ["https://www.googleapis.com/auth/calendar.events"],
    installedBy: fixtureIdentities.admin.userId,
    secret: await sealOAuthTokens(plugboard, fixtureGoogleInstallationId, {
      accessToken: grant.accessToken,
      refreshToken: grant.refreshToken,
    }),
    createdAt: at,
    updatedAt: at,
  });
  google.calendar.addCalendar("Team releases", "Europe/Berlin", "team@group.calendar.google.com");
  if (fixture === "connected") return;
  await store.googleCalendar.createSync({
    id: fixtureCalendarSyncId,
    organizationId: fixtureIdentities.admin.organizationId,
    installationId: fixtureGoogleInstallationId,
    calendarId: "primary@sim.example",
    calendarName: "Ada Lovelace",
    projectIds: ["prj_web"],
    direction: "both",
    timeZone: "Europe/Berlin",
    completedPrefix: "✓ ",
    completedColorId: null,
    onEventDeleted: "clear_due_date",
    createIssuesTag: null,
    status: fixture === "needs_reconnect" ? "needs_reconnect" : "active",
    syncToken: null,
    lastSyncAt: at,
    lastError:
      fixture === "needs_reconnect"
        ? "Google Calendar needs to be reconnected: it no longer accepts this connection"
        : null,
    conflictCount: fixture === "synced" ? 1 : 0,
    channelId: null,
    channelTokenHash: null,
    channelResourceId: null,
    channelExpiresAt: null,
    changesNoted: 0,
    changesPulled: 0,
    createdAt: at,
    updatedAt: at,
  });
  await store.googleCalendar.upsertLinks(
    ["1", "2", "3"].map((id) => ({
      syncId: fixtureCalendarSyncId,
      itemKey: `issue:iss_${id}`,
      eventId: `fixture${id}event`,
      etag: `"${id}"`,
      syncedDue: `2026-12-0${id}`,
      syncedTitle: `PLANE-${id}`,
      syncedLastDay: null,
      updatedAt: at,
    })),
  );
}
