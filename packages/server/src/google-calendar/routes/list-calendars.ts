import { type GoogleCalendarList, googleCalendarContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { clientFor } from "../runtime";
import { managedConnection } from "./access";

/** The calendars the connected account can write to, for the calendar picker. */
export const listGoogleCalendars = implement(googleCalendarContracts.calendars, {
  async handle({ params, identity, context }) {
    const installation = await managedConnection(context, identity, params.installationId);
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
    return body;
  },
});
