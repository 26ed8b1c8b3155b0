import type { jiraImportContracts } from "../contracts/jira-import";
import { type RoutePath, routesOf } from "./route";

/** Where each Jira import route lives; `jiraImportContracts` adds the schemas. */
export const jiraImportPaths = {
  sources: { method: "GET", path: "/jira-import/sources" },
  connectCloud: { method: "POST", path: "/jira-import/sources/cloud" },
  uploadCsv: { method: "POST", path: "/jira-import/sources/csv" },
  deleteSource: { method: "DELETE", path: "/jira-import/sources/:sourceId" },
  projects: { method: "GET", path: "/jira-import/sources/:sourceId/projects" },
  host: { method: "GET", path: "/jira-import/host" },
  preview: { method: "POST", path: "/jira-import/preview" },
  start: { method: "POST", path: "/jira-import/runs" },
  runs: { method: "GET", path: "/jira-import/runs" },
  run: { method: "GET", path: "/jira-import/runs/:runId" },
  cancel: { method: "POST", path: "/jira-import/runs/:runId/cancel" },
} as const satisfies Record<string, RoutePath>;

/** The Jira import contracts without zod: method and path, typed from the schemas. */
export const jiraImportRoutes = routesOf<typeof jiraImportContracts>(jiraImportPaths);
