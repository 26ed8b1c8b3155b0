import { googleCalendarContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { enqueueSync } from "../runtime";
import { managedSync } from "./access";
import { presentSync } from "./present";

/** "Sync now": queues a full sync (every issue written, every event read); 202 with the sync. */
export const runCalendarSync = implement(googleCalendarContracts.run, {
  async handle({ params, identity, context }) {
    const sync = await managedSync(context, identity, params.syncId);
    await enqueueSync(context, sync, true);
    return presentSync(context, sync);
  },
});
