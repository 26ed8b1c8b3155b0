import { jiraImportContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { importer, presentRun } from "./present";

/** Queues the import as a durable job; the run's progress is polled. */
export const startImport = implement(jiraImportContracts.start, {
  async handle({ identity, body, context }) {
    return presentRun(await importer(context).start(identity, body));
  },
});
