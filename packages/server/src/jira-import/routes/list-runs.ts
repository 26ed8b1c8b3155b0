import { type JiraImportRunList, jiraImportContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { importer, presentRun } from "./present";

export const listRuns = implement(jiraImportContracts.runs, {
  async handle({ identity, context }) {
    importer(context);
    const runs = await context.store.jiraImport.listRuns(identity.organizationId);
    const body: JiraImportRunList = { data: runs.map(presentRun) };
    return body;
  },
});
