import type { JiraImportRunList } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { importer, presentRun } from "./present";

export const listRuns = defineRoute({
  method: "GET",
  path: "/jira-import/runs",
  role: "admin",
  async handle({ identity, context }) {
    importer(context);
    const runs = await context.store.jiraImport.listRuns(identity.organizationId);
    const body: JiraImportRunList = { data: runs.map(presentRun) };
    return json(body);
  },
});
