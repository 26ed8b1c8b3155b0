import { createId, googleCalendarContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { clientFor, enqueueSync } from "../runtime";
import type { CalendarSyncRecord } from "../store/types";
import { managedConnection } from "./access";
import { presentSync } from "./present";

/**
 * Creates or changes a connection's sync. `calendarId: null` creates a dedicated "Plugboard"
 * calendar. A new sync, or one pointed at another calendar or other projects, runs a full sync.
 */
export const saveCalendarSync = implement(googleCalendarContracts.save, {
  async handle({ params, identity, body, context }) {
    const installation = await managedConnection(context, identity, params.installationId);
    const store = context.store.googleCalendar;
    const existing = await store.findSyncByInstallation(identity.organizationId, installation.id);
    let calendarId = body.calendarId;
    let calendarName: string | null = null;
    if (calendarId === null) {
      const client = await clientFor(context, identity.organizationId, installation.id);
      const created = await client.createCalendar("Plugboard", body.timeZone);
      calendarId = created.id;
      calendarName = created.summary;
    } else if (calendarId === existing?.calendarId) {
      calendarName = existing.calendarName;
    } else {
      const client = await clientFor(context, identity.organizationId, installation.id);
      const { items = [] } = await client.listCalendars();
      calendarName = items.find((item) => item.id === calendarId)?.summary ?? null;
    }
    const now = context.now();
    const settings = { ...body, calendarId };
    let saved: CalendarSyncRecord;
    const reset =
      !existing ||
      existing.calendarId !== calendarId ||
      existing.projectIds.join() !== body.projectIds.join();
    if (existing) {
      saved =
        (await store.updateSync(identity.organizationId, existing.id, {
          ...settings,
          calendarName,
          ...(reset ? { syncToken: null } : {}),
          updatedAt: now,
        })) ?? existing;
    } else {
      saved = {
        ...settings,
        id: createId("gcs"),
        organizationId: identity.organizationId,
        installationId: installation.id,
        calendarName,
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
        createdAt: now,
        updatedAt: now,
      };
      await store.createSync(saved);
    }
    if (reset) await enqueueSync(context, saved, true);
    return presentSync(context, saved);
  },
});
