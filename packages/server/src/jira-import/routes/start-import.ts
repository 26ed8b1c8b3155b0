import { startJiraImportSchema } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { importer, presentRun } from "./present";

/** Queues the import as a durable job; the run's progress is polled. */
export const startImport = defineRoute({
  method: "POST",
  path: "/jira-import/runs",
  role: "admin",
  body: startJiraImportSchema,
  async handle({ identity, body, context }) {
    const run = await importer(context).start(identity, body);
    return json(presentRun(run), 202);
  },
});
