import type { JiraSourceList } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { importer, presentSource } from "./present";

export const listSources = defineRoute({
  method: "GET",
  path: "/jira-import/sources",
  role: "admin",
  async handle({ identity, context }) {
    importer(context);
    const sources = await context.store.jiraImport.listSources(identity.organizationId);
    const body: JiraSourceList = { data: sources.map(presentSource) };
    return json(body);
  },
});
