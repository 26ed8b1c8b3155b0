import { googleCalendarContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { clientFor, stopChannel } from "../runtime";
import { managedSync } from "./access";

/** Stops syncing: the watch channel is stopped; the events already in the calendar stay. */
export const deleteCalendarSync = implement(googleCalendarContracts.remove, {
  async handle({ params, identity, context }) {
    const sync = await managedSync(context, identity, params.syncId);
    if (sync.channelId) {
      try {
        await stopChannel(
          context,
          await clientFor(context, sync.organizationId, sync.installationId),
          sync,
        );
      } catch {
        // The connection itself is gone: Google lets its channels expire.
      }
    }
    await context.store.googleCalendar.deleteSync(identity.organizationId, sync.id);
  },
});
