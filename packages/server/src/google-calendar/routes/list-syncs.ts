import type { CalendarSyncList } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { visibleTo } from "../../integrations/routes/present";
import { presentSync } from "./present";

/** The calendar syncs of the connections the caller can see: theirs and the organization's. */
export const listCalendarSyncs = defineRoute({
  method: "GET",
  path: "/google-calendar/syncs",
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
    return json(body);
  },
});
