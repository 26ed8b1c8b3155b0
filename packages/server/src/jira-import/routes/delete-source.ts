import { jiraImportContracts, PlugboardError } from "@plugboard/core";
import { implement } from "../../http/route";
import { importer } from "./present";

/** Forgets the source, its token and its CSV rows; imported issues stay in the host. */
export const deleteSource = implement(jiraImportContracts.deleteSource, {
  async handle({ params, identity, context }) {
    importer(context);
    const deleted = await context.store.jiraImport.deleteSource(
      identity.organizationId,
      params.sourceId,
    );
    if (!deleted) throw new PlugboardError({ code: "not_found", detail: "No such Jira source" });
  },
});
