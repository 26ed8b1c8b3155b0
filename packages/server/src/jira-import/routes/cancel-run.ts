import { PlugboardError } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { importer, presentRun } from "./present";

/** Stops a queued run at once, a running one between two issues (answered `cancelling`). */
export const cancelRun = defineRoute({
  method: "POST",
  path: "/jira-import/runs/:runId/cancel",
  role: "admin",
  async handle({ params, identity, context }) {
    await importer(context).cancel(identity, params.runId ?? "");
    const run = await context.store.jiraImport.getRun(identity.organizationId, params.runId ?? "");
    if (!run) throw new PlugboardError({ code: "not_found", detail: "No such import run" });
    return json(presentRun(run));
  },
});
