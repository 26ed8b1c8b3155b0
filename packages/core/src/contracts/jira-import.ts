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
    method: "GET",
    path: "/jira-import/sources",
    response: jiraSourceListSchema,
    role: "admin",
  }),
  /** Checks the token with Jira's `/myself`, then keeps it encrypted; it is never sent back. */
  connectCloud: defineContract({
    method: "POST",
    path: "/jira-import/sources/cloud",
    body: createJiraCloudSourceSchema,
    response: jiraSourceSchema,
    status: 201,
    role: "admin",
  }),
  /** The body is the CSV export itself (`text/csv`), streamed; not JSON. */
  uploadCsv: defineContract({
    method: "POST",
    path: "/jira-import/sources/csv",
    query: csvSourceQuerySchema,
    response: jiraSourceSchema,
    status: 201,
    role: "admin",
  }),
  deleteSource: defineContract({
    method: "DELETE",
    path: "/jira-import/sources/:sourceId",
    role: "admin",
  }),
  projects: defineContract({
    method: "GET",
    path: "/jira-import/sources/:sourceId/projects",
    response: jiraProjectListSchema,
    role: "admin",
  }),
  /** The host's projects to import into and its users to map to. */
  host: defineContract({
    method: "GET",
    path: "/jira-import/host",
    response: jiraHostTargetsSchema,
    role: "admin",
  }),
  /** A dry run: nothing is written. Without a mapping, the suggested one is used. */
  preview: defineContract({
    method: "POST",
    path: "/jira-import/preview",
    body: jiraPreviewInputSchema,
    response: jiraPreviewSchema,
    role: "admin",
  }),
  start: defineContract({
    method: "POST",
    path: "/jira-import/runs",
    body: startJiraImportSchema,
    response: jiraImportRunSchema,
    status: 202,
    role: "admin",
  }),
  runs: defineContract({
    method: "GET",
    path: "/jira-import/runs",
    response: jiraImportRunListSchema,
    role: "admin",
  }),
  run: defineContract({
    method: "GET",
    path: "/jira-import/runs/:runId",
    response: jiraImportRunSchema,
    role: "admin",
  }),
  /** A queued run stops at once, a running one between two issues (`cancelling`). */
  cancel: defineContract({
    method: "POST",
    path: "/jira-import/runs/:runId/cancel",
    response: jiraImportRunSchema,
    role: "admin",
  }),
};
