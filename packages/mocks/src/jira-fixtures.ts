import { createMemoryHost } from "@plugboard/server/testing";
import { fixtureProjectId } from "./oauth-fixtures";

/** Issues in the simulated Jira project (ORB): enough for paging, few enough to import quickly. */
export const fixtureJiraIssues = 24;

/** What the simulated Jira accepts: the Cloud form's values in stories and tests. */
export const fixtureJiraCloud = {
  siteUrl: "https://acme.atlassian.net",
  email: "ada@example.com",
  apiToken: "jira-test-api-token",
};

/**
 * The host tracker Jira imports write to: the fixtures' project with Linear-like states, and
 * Ada and Grace, whose emails match Jira's, so the people map themselves.
 */
export function createJiraHost() {
  return createMemoryHost({
    projects: [
      { id: fixtureProjectId, key: "WEB", name: "Web" },
      { id: "prj_mobile", key: "MOB", name: "Mobile" },
    ],
    states: Object.fromEntries(
      [fixtureProjectId, "prj_mobile"].map((projectId) => [
        projectId,
        [
          { id: `${projectId}_backlog`, name: "Backlog", category: "backlog" as const },
          { id: `${projectId}_todo`, name: "Todo", category: "unstarted" as const },
          { id: `${projectId}_doing`, name: "In Progress", category: "started" as const },
          { id: `${projectId}_done`, name: "Done", category: "completed" as const },
          { id: `${projectId}_cancelled`, name: "Canceled", category: "cancelled" as const },
        ],
      ]),
    ),
    users: [
      { id: "user_ada", email: "ada@example.com", name: "Ada Lovelace" },
      { id: "user_grace", email: "grace@example.com", name: "Grace Hopper" },
    ],
  });
}
