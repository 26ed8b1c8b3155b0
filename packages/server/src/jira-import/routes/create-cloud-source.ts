import { jiraImportContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { importer, presentSource } from "./present";

/** Connects a Jira Cloud site: the token is checked with `/myself`, then kept encrypted. */
export const createCloudSource = implement(jiraImportContracts.connectCloud, {
  async handle({ identity, body, context }) {
    return presentSource(await importer(context).createCloudSource(identity, body));
  },
});
