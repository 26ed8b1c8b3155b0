import {
  type CreateJiraCloudSourceInput,
  type CsvSourceQuery,
  jiraImportContracts as contracts,
  type JiraPreviewInput,
  type StartJiraImportInput,
} from "@plugboard/core";
import type { Call } from "../call";
import type { CallOptions } from "../transport";

/** Jira import: sources (Cloud or CSV), the dry-run preview, and import runs. Admins only. */
export function jiraImportResource(call: Call) {
  return {
    sources: (options: CallOptions = {}) => call(contracts.sources, {}, options),
    /** Checks the token with Jira, then keeps it encrypted; it is never sent back. */
    connectCloud: (input: CreateJiraCloudSourceInput, options: CallOptions = {}) =>
      call(contracts.connectCloud, { body: input }, options),
    /** Uploads a CSV export ("all fields"); `timeZone` is the zone its dates are written in. */
    uploadCsv: (file: Blob | string, query: CsvSourceQuery, options: CallOptions = {}) =>
      call(
        contracts.uploadCsv,
        { query },
        { ...options, raw: { body: file, contentType: "text/csv" } },
      ),
    deleteSource: (sourceId: string, options: CallOptions = {}) =>
      call(contracts.deleteSource, { params: { sourceId } }, options),
    projects: (sourceId: string, options: CallOptions = {}) =>
      call(contracts.projects, { params: { sourceId } }, options),
    /** The host's projects and users, to import into and map to. */
    host: (options: CallOptions = {}) => call(contracts.host, {}, options),
    /** A dry run: nothing is written. Without a mapping, the suggested one is used. */
    preview: (input: JiraPreviewInput, options: CallOptions = {}) =>
      call(contracts.preview, { body: input }, options),
    start: (input: StartJiraImportInput, options: CallOptions = {}) =>
      call(contracts.start, { body: input }, options),
    runs: (options: CallOptions = {}) => call(contracts.runs, {}, options),
    run: (runId: string, options: CallOptions = {}) =>
      call(contracts.run, { params: { runId } }, options),
    cancel: (runId: string, options: CallOptions = {}) =>
      call(contracts.cancel, { params: { runId } }, options),
  };
}
