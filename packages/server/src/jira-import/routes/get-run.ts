import { jiraImportContracts, PlugboardError } from "@plugboard/core";
import { implement } from "../../http/route";
import { importer, presentRun } from "./present";

/** A run's status, progress (done / total, step, rate, ETA) and report. */
export const getRun = implement(jiraImportContracts.run, {
  async handle({ params, identity, context }) {
    importer(context);
    const run = await context.store.jiraImport.getRun(identity.organizationId, params.runId);
    if (!run) throw new PlugboardError({ code: "not_found", detail: "No such import run" });
    return presentRun(run);
  },
});
