import { jiraPreviewInputSchema } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { importer } from "./present";

/** The dry run: discovered values, a suggested mapping, and the report. Writes nothing. */
export const previewImport = defineRoute({
  method: "POST",
  path: "/jira-import/preview",
  role: "admin",
  body: jiraPreviewInputSchema,
  async handle({ identity, body, context }) {
    return json(await importer(context).preview(identity, body));
  },
});
