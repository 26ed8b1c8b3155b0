import type { GoogleCalendarList } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { clientFor } from "../runtime";
import { managedConnection } from "./access";

/** The calendars the connected account can write to, for the calendar picker. */
export const listGoogleCalendars = defineRoute({
  method: "GET",
  path: "/google-calendar/connections/:installationId/calendars",
  async handle({ params, identity, context }) {
    const installation = await managedConnection(context, identity, params.installationId ?? "");
    const client = await clientFor(context, identity.organizationId, installation.id);
    const { items = [] } = await client.listCalendars();
    const body: GoogleCalendarList = {
      data: items
        .filter(
          (item) =>
            item.accessRole === undefined ||
            item.accessRole === "owner" ||
            item.accessRole === "writer",
        )
        .map((item) => ({
          id: item.id,
          name: item.summary ?? item.id,
          primary: item.primary === true,
          timeZone: item.timeZone ?? null,
        })),
    };
    return json(body);
  },
});
