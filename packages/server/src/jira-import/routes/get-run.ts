import { PlugboardError } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { importer, presentRun } from "./present";

/** A run's status, progress (done / total, step, rate, ETA) and report. */
export const getRun = defineRoute({
  method: "GET",
  path: "/jira-import/runs/:runId",
  role: "admin",
  async handle({ params, identity, context }) {
    importer(context);
    const run = await context.store.jiraImport.getRun(identity.organizationId, params.runId ?? "");
    if (!run) throw new PlugboardError({ code: "not_found", detail: "No such import run" });
    return json(presentRun(run));
  },
});
