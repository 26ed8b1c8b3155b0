import { jiraImportContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { importer } from "./present";

/** The dry run: discovered values, a suggested mapping, and the report. Writes nothing. */
export const previewImport = implement(jiraImportContracts.preview, {
  async handle({ identity, body, context }) {
    return importer(context).preview(identity, body);
  },
});
