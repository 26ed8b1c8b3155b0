import { jiraImportContracts, PlugboardError } from "@plugboard/core";
import { implement } from "../../http/route";
import { importer, presentRun } from "./present";

/** Stops a queued run at once, a running one between two issues (answered `cancelling`). */
export const cancelRun = implement(jiraImportContracts.cancel, {
  async handle({ params, identity, context }) {
    await importer(context).cancel(identity, params.runId);
    const run = await context.store.jiraImport.getRun(identity.organizationId, params.runId);
    if (!run) throw new PlugboardError({ code: "not_found", detail: "No such import run" });
    return presentRun(run);
  },
});
