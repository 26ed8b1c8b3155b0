import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { importer } from "./present";

/** The Jira projects a source holds, to choose from. */
export const listSourceProjects = defineRoute({
  method: "GET",
  path: "/jira-import/sources/:sourceId/projects",
  role: "admin",
  async handle({ params, identity, context }) {
    const projects = await importer(context).projects(identity, params.sourceId ?? "");
    return json({ data: projects });
  },
});
