import type {
  CreateJiraCloudSourceInput,
  CsvSourceQuery,
  JiraPreviewInput,
  StartJiraImportInput,
} from "@plugboard/core";
import { jiraImportRoutes as routes } from "@plugboard/core/routes";
import type { Call } from "../call";
import type { CallOptions } from "../transport";

/** Jira import: sources (Cloud or CSV), the dry-run preview, and import runs. Admins only. */
export function jiraImportResource(call: Call) {
  return {
    sources: (options: CallOptions = {}) => call(routes.sources, {}, options),
    /** Checks the token with Jira, then keeps it encrypted; it is never sent back. */
    connectCloud: (input: CreateJiraCloudSourceInput, options: CallOptions = {}) =>
      call(routes.connectCloud, { body: input }, options),
    /** Uploads a CSV export ("all fields"); `timeZone` is the zone its dates are written in. */
    uploadCsv: (file: Blob | string, query: CsvSourceQuery, options: CallOptions = {}) =>
      call(
        routes.uploadCsv,
        { query },
        { ...options, raw: { body: file, contentType: "text/csv" } },
      ),
    deleteSource: (sourceId: string, options: CallOptions = {}) =>
      call(routes.deleteSource, { params: { sourceId } }, options),
    projects: (sourceId: string, options: CallOptions = {}) =>
      call(routes.projects, { params: { sourceId } }, options),
    /** The host's projects and users, to import into and map to. */
    host: (options: CallOptions = {}) => call(routes.host, {}, options),
    /** A dry run: nothing is written. Without a mapping, the suggested one is used. */
    preview: (input: JiraPreviewInput, options: CallOptions = {}) =>
      call(routes.preview, { body: input }, options),
    start: (input: StartJiraImportInput, options: CallOptions = {}) =>
      call(routes.start, { body: input }, options),
    runs: (options: CallOptions = {}) => call(routes.runs, {}, options),
    run: (runId: string, options: CallOptions = {}) =>
      call(routes.run, { params: { runId } }, options),
    cancel: (runId: string, options: CallOptions = {}) =>
      call(routes.cancel, { params: { runId } }, options),
  };
}
