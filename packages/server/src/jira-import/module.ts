import { defineModule } from "../module";
import { jiraImport } from "./migrations/0013-jira-import";
import { memoryJiraImport } from "./store/memory";
import type { JiraImportStoreSlice } from "./store/slice";
import { sqlJiraImport } from "./store/sql";

/** Jira Cloud and CSV imports into the host's tracker: sources, runs, and what was imported. */
export const jiraImportModule = defineModule<JiraImportStoreSlice>({
  name: "jira-import",
  store: {
    memory: () => ({ jiraImport: memoryJiraImport() }),
    sql: (db) => ({ jiraImport: sqlJiraImport(db) }),
  },
  migrations: { "0013_jira_import": jiraImport },
  routes: [],
});
