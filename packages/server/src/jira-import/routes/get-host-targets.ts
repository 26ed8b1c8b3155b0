import { type JiraHostTargets, jiraImportContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { importer } from "./present";

/** The host's projects to import into, and its users for the user mapping (when listed). */
export const getHostTargets = implement(jiraImportContracts.host, {
  async handle({ identity, context }) {
    importer(context);
    const call = { organizationId: identity.organizationId, actor: { integration: "jira-import" } };
    const projects = await context.host.projects.list(call);
    const users =
      typeof context.host.port?.users?.list === "function"
        ? await context.host.users.list(call)
        : [];
    const body: JiraHostTargets = { projects, users };
    return body;
  },
});
