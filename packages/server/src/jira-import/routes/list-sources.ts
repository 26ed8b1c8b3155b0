import { type JiraSourceList, jiraImportContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { importer, presentSource } from "./present";

export const listSources = implement(jiraImportContracts.sources, {
  async handle({ identity, context }) {
    importer(context);
    const sources = await context.store.jiraImport.listSources(identity.organizationId);
    const body: JiraSourceList = { data: sources.map(presentSource) };
    return body;
  },
});
