import { jiraImportContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { importer } from "./present";

/** The Jira projects a source holds, to choose from. */
export const listSourceProjects = implement(jiraImportContracts.projects, {
  async handle({ params, identity, context }) {
    return { data: await importer(context).projects(identity, params.sourceId) };
  },
});
