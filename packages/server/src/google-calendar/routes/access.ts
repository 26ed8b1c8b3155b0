import { type Identity, PlugboardError } from "@plugboard/core";
import type { PlugboardContext } from "../../context";
import { mayUninstall, visibleTo } from "../../integrations/routes/present";
import type { InstallationRecord } from "../../integrations/store/types";
import type { CalendarSyncRecord } from "../store/types";

/**
 * The Google Calendar connection a caller may configure: their own user-level one, or (admins)
 * an organization-level one. Another user's connection answers 404, as if it did not exist.
 */
export async function managedConnection(
  context: PlugboardContext,
  identity: Identity,
  installationId: string,
): Promise<InstallationRecord> {
  const installation = await context.store.installations.get(
    identity.organizationId,
    installationId,
  );
  if (installation?.provider !== "google-calendar" || !visibleTo(identity, installation)) {
    throw new PlugboardError({ code: "not_found", detail: "No such Google Calendar connection" });
  }
  if (!mayUninstall(identity, installation)) {
    throw new PlugboardError({
      code: "forbidden",
      detail: "Only admins can change this connection's sync",
    });
  }
  return installation;
}

export async function managedSync(
  context: PlugboardContext,
  identity: Identity,
  syncId: string,
): Promise<CalendarSyncRecord> {
  const sync = await context.store.googleCalendar.getSync(identity.organizationId, syncId);
  if (!sync) throw new PlugboardError({ code: "not_found", detail: "No such calendar sync" });
  await managedConnection(context, identity, sync.installationId);
  return sync;
}
