import {
  type CreateJiraCloudSourceInput,
  type CsvSourceQuery,
  type JiraPreviewInput,
  jiraHostTargetsSchema,
  jiraImportRunListSchema,
  jiraImportRunSchema,
  jiraPreviewSchema,
  jiraProjectListSchema,
  jiraSourceListSchema,
  jiraSourceSchema,
  type StartJiraImportInput,
} from "@plugboard/core";
import type { CallOptions, Transport } from "../transport";

/** Jira import: sources (Cloud or CSV), the dry-run preview, and import runs. Admins only. */
export function jiraImportResource(call: Transport) {
  return {
    sources: (options: CallOptions = {}) =>
      call({
        method: "get",
        path: "jira-import/sources",
        schema: jiraSourceListSchema,
        ...options,
      }),
    /** Checks the token with Jira, then keeps it encrypted; it is never sent back. */
    connectCloud: (input: CreateJiraCloudSourceInput, options: CallOptions = {}) =>
      call({
        method: "post",
        path: "jira-import/sources/cloud",
        json: input,
        schema: jiraSourceSchema,
        ...options,
      }),
    /** Uploads a CSV export ("all fields"); `timeZone` is the zone its dates are written in. */
    uploadCsv: (file: Blob | string, query: CsvSourceQuery, options: CallOptions = {}) => {
      const params = new URLSearchParams({ timeZone: query.timeZone });
      if (query.name) params.set("name", query.name);
      return call({
        method: "post",
        path: `jira-import/sources/csv?${params}`,
        raw: { body: file, contentType: "text/csv" },
        schema: jiraSourceSchema,
        ...options,
      });
    },
    deleteSource: (sourceId: string, options: CallOptions = {}) =>
      call<void>({
        method: "delete",
        path: `jira-import/sources/${encodeURIComponent(sourceId)}`,
        ...options,
      }),
    projects: (sourceId: string, options: CallOptions = {}) =>
      call({
        method: "get",
        path: `jira-import/sources/${encodeURIComponent(sourceId)}/projects`,
        schema: jiraProjectListSchema,
        ...options,
      }),
    /** The host's projects and users, to import into and map to. */
    host: (options: CallOptions = {}) =>
      call({ method: "get", path: "jira-import/host", schema: jiraHostTargetsSchema, ...options }),
    /** A dry run: nothing is written. Without a mapping, the suggested one is used. */
    preview: (input: JiraPreviewInput, options: CallOptions = {}) =>
      call({
        method: "post",
        path: "jira-import/preview",
        json: input,
        schema: jiraPreviewSchema,
        ...options,
      }),
    start: (input: StartJiraImportInput, options: CallOptions = {}) =>
      call({
        method: "post",
        path: "jira-import/runs",
        json: input,
        schema: jiraImportRunSchema,
        ...options,
      }),
    runs: (options: CallOptions = {}) =>
      call({
        method: "get",
        path: "jira-import/runs",
        schema: jiraImportRunListSchema,
        ...options,
      }),
    run: (runId: string, options: CallOptions = {}) =>
      call({
        method: "get",
        path: `jira-import/runs/${encodeURIComponent(runId)}`,
        schema: jiraImportRunSchema,
        ...options,
      }),
    cancel: (runId: string, options: CallOptions = {}) =>
      call({
        method: "post",
        path: `jira-import/runs/${encodeURIComponent(runId)}/cancel`,
        schema: jiraImportRunSchema,
        ...options,
      }),
  };
}
