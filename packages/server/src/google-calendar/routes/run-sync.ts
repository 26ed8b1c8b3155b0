import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { enqueueSync } from "../runtime";
import { managedSync } from "./access";
import { presentSync } from "./present";

/** "Sync now": queues a full sync (every issue written, every event read); 202 with the sync. */
export const runCalendarSync = defineRoute({
  method: "POST",
  path: "/google-calendar/syncs/:syncId/run",
  async handle({ params, identity, context }) {
    const sync = await managedSync(context, identity, params.syncId ?? "");
    await enqueueSync(context, sync, true);
    return json(await presentSync(context, sync), 202);
  },
});
