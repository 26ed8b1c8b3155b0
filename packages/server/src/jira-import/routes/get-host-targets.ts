import type { JiraHostTargets } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { importer } from "./present";

/** The host's projects to import into, and its users for the user mapping (when listed). */
export const getHostTargets = defineRoute({
  method: "GET",
  path: "/jira-import/host",
  role: "admin",
  async handle({ identity, context }) {
    importer(context);
    const call = { organizationId: identity.organizationId, actor: { integration: "jira-import" } };
    const projects = await context.host.projects.list(call);
    const users =
      typeof context.host.port?.users?.list === "function"
        ? await context.host.users.list(call)
        : [];
    const body: JiraHostTargets = { projects, users };
    return json(body);
  },
});
