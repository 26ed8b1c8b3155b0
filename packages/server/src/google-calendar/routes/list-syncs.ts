import { type CalendarSyncList, googleCalendarContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { visibleTo } from "../../integrations/routes/present";
import { presentSync } from "./present";

/** The calendar syncs of the connections the caller can see: theirs and the organization's. */
export const listCalendarSyncs = implement(googleCalendarContracts.syncs, {
  async handle({ identity, context }) {
    const syncs = await context.store.googleCalendar.listSyncs(identity.organizationId);
    const data: CalendarSyncList["data"] = [];
    for (const sync of syncs) {
      const installation = await context.store.installations.get(
        identity.organizationId,
        sync.installationId,
      );
      if (installation && visibleTo(identity, installation))
        data.push(await presentSync(context, sync));
    }
    const body: CalendarSyncList = { data };
    return body;
  },
});
