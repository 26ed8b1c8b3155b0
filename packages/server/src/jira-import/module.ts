import { defineModule } from "../module";
import { jiraImport } from "./migrations/0013-jira-import";
import { cancelRun } from "./routes/cancel-run";
import { createCloudSource } from "./routes/create-cloud-source";
import { deleteSource } from "./routes/delete-source";
import { getHostTargets } from "./routes/get-host-targets";
import { getRun } from "./routes/get-run";
import { listRuns } from "./routes/list-runs";
import { listSourceProjects } from "./routes/list-source-projects";
import { listSources } from "./routes/list-sources";
import { previewImport } from "./routes/preview-import";
import { startImport } from "./routes/start-import";
import { uploadCsvSource } from "./routes/upload-csv-source";
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
  routes: [
    createCloudSource,
    uploadCsvSource,
    listSources,
    deleteSource,
    listSourceProjects,
    getHostTargets,
    previewImport,
    startImport,
    listRuns,
    getRun,
    cancelRun,
  ],
});
