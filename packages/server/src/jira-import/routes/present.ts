import { type JiraImportRun, type JiraSource, PlugboardError } from "@plugboard/core";
import type { PlugboardContext } from "../../context";
import type { JiraRunRecord, JiraSourceRecord } from "../store/types";

/** The token never leaves: not in lists, not in answers. */
export function presentSource(record: JiraSourceRecord): JiraSource {
  return {
    id: record.id,
    kind: record.kind,
    name: record.name,
    siteUrl: record.siteUrl,
    email: record.email,
    timeZone: record.timeZone,
    rowCount: record.rowCount,
    createdAt: new Date(record.createdAt).toISOString(),
  };
}

export function presentRun(record: JiraRunRecord): JiraImportRun {
  return {
    id: record.id,
    sourceId: record.sourceId,
    projectKey: record.projectKey,
    hostProjectId: record.hostProjectId,
    status: record.status,
    progress: record.progress,
    report: record.report,
    error: record.error,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
  };
}

/** The importer's runtime, or 404 when the host did not configure `jiraImport`. */
export function importer(context: PlugboardContext) {
  if (!context.jiraImport) {
    throw new PlugboardError({ code: "not_found", detail: "Jira import is not configured" });
  }
  return context.jiraImport;
}
