import { googleCalendarContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { endSync } from "../runtime";
import { managedSync } from "./access";

/** Stops syncing: the watch channel is stopped and the event map deleted; the events stay. */
export const deleteCalendarSync = implement(googleCalendarContracts.remove, {
  async handle({ params, identity, context }) {
    await endSync(context, await managedSync(context, identity, params.syncId));
  },
});
