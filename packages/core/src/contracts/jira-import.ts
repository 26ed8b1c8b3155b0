import { jiraImportPaths as paths } from "../routes/jira-import";
import {
  createJiraCloudSourceSchema,
  csvSourceQuerySchema,
  jiraHostTargetsSchema,
  jiraImportRunListSchema,
  jiraImportRunSchema,
  jiraPreviewInputSchema,
  jiraPreviewSchema,
  jiraProjectListSchema,
  jiraSourceListSchema,
  jiraSourceSchema,
  startJiraImportSchema,
} from "../schemas/jira-import";
import { defineContract } from "./contract";

/** Jira import (admins): sources, the dry-run preview, and import runs. */
export const jiraImportContracts = {
  sources: defineContract({
    ...paths.sources,
    response: jiraSourceListSchema,
    role: "admin",
  }),
  /** Checks the token with Jira's `/myself`, then keeps it encrypted; it is never sent back. */
  connectCloud: defineContract({
    ...paths.connectCloud,
    body: createJiraCloudSourceSchema,
    response: jiraSourceSchema,
    status: 201,
    role: "admin",
  }),
  /** The body is the CSV export itself (`text/csv`), streamed; not JSON. */
  uploadCsv: defineContract({
    ...paths.uploadCsv,
    query: csvSourceQuerySchema,
    response: jiraSourceSchema,
    status: 201,
    role: "admin",
  }),
  deleteSource: defineContract({
    ...paths.deleteSource,
    role: "admin",
  }),
  projects: defineContract({
    ...paths.projects,
    response: jiraProjectListSchema,
    role: "admin",
  }),
  /** The host's projects to import into and its users to map to. */
  host: defineContract({
    ...paths.host,
    response: jiraHostTargetsSchema,
    role: "admin",
  }),
  /** A dry run: nothing is written. Without a mapping, the suggested one is used. */
  preview: defineContract({
    ...paths.preview,
    body: jiraPreviewInputSchema,
    response: jiraPreviewSchema,
    role: "admin",
  }),
  start: defineContract({
    ...paths.start,
    body: startJiraImportSchema,
    response: jiraImportRunSchema,
    status: 202,
    role: "admin",
  }),
  runs: defineContract({
    ...paths.runs,
    response: jiraImportRunListSchema,
    role: "admin",
  }),
  run: defineContract({
    ...paths.run,
    response: jiraImportRunSchema,
    role: "admin",
  }),
  /** A queued run stops at once, a running one between two issues (`cancelling`). */
  cancel: defineContract({
    ...paths.cancel,
    response: jiraImportRunSchema,
    role: "admin",
  }),
};
