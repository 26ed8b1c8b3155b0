import type {
  JiraImportProgress,
  JiraImportReport,
  JiraImportStatus,
  JiraMapping,
} from "@plugboard/core";

/** Times are epoch milliseconds. */
export interface JiraSourceRecord {
  id: string;
  organizationId: string;
  kind: "cloud" | "csv";
  name: string;
  siteUrl: string | null;
  email: string | null;
  /** The API token, encrypted with the keyring (context: the source id). */
  tokenCiphertext: string | null;
  timeZone: string | null;
  rowCount: number | null;
  createdAt: number;
}

/** Where a run goes on from after a crash: the page it was on, or the CSV row. */
export interface JiraRunCheckpoint {
  pageToken: string | null;
  row: number;
  /** Issues finished before the checkpoint's page or row. */
  done: number;
  /** The parents step's progress: the last child whose parent was set. */
  parentsAfter: string | null;
}

export interface JiraRunRecord {
  id: string;
  organizationId: string;
  sourceId: string;
  projectKey: string;
  /** The filter read with; an incremental run's carries its `updated >=` window. */
  jql: string | null;
  hostProjectId: string;
  mapping: JiraMapping;
  status: JiraImportStatus;
  checkpoint: JiraRunCheckpoint;
  progress: JiraImportProgress;
  report: JiraImportReport;
  error: string | null;
  createdAt: number;
  updatedAt: number;
}

export type JiraRunPatch = Partial<
  Pick<JiraRunRecord, "checkpoint" | "progress" | "report" | "error">
> & { updatedAt: number };

export type JiraItemKind = "issue" | "comment" | "attachment" | "cycle";

/** A Jira thing imported into a host project: what makes a re-run an update, not a copy. */
export interface JiraItemLink {
  organizationId: string;
  hostProjectId: string;
  kind: JiraItemKind;
  /** Issue and comment ids, attachment ids, or a sprint's name. */
  jiraId: string;
  jiraKey: string | null;
  hostId: string;
  parentJiraId: string | null;
  parentJiraKey: string | null;
}

export interface JiraImportStore {
  createSource(record: JiraSourceRecord): Promise<void>;
  getSource(organizationId: string, id: string): Promise<JiraSourceRecord | null>;
  /** Newest first. */
  listSources(organizationId: string): Promise<JiraSourceRecord[]>;
  /** Deletes the source and its CSV rows. */
  deleteSource(organizationId: string, id: string): Promise<boolean>;
  /** CSV sources: rows as JSON text, by their 0-based index. */
  appendRows(sourceId: string, rows: readonly { index: number; data: string }[]): Promise<void>;
  /** Rows with index ≥ `from`, in order, at most `limit`. */
  readRows(
    sourceId: string,
    from: number,
    limit: number,
  ): Promise<{ index: number; data: string }[]>;
  setRowCount(organizationId: string, id: string, rowCount: number): Promise<void>;

  createRun(record: JiraRunRecord): Promise<void>;
  getRun(organizationId: string, id: string): Promise<JiraRunRecord | null>;
  /** For the job, which knows only the id. */
  getRunById(id: string): Promise<JiraRunRecord | null>;
  /** Newest first, at most 50. */
  listRuns(organizationId: string): Promise<JiraRunRecord[]>;
  updateRun(id: string, patch: JiraRunPatch): Promise<void>;
  /**
   * Moves the run to `to` only if its status is one of `from` (compare-and-set): a cancel
   * never gets overwritten by the worker going on. True if it moved.
   */
  transitionRun(
    id: string,
    from: readonly JiraImportStatus[],
    to: JiraImportStatus,
    at: number,
  ): Promise<boolean>;

  findItem(
    organizationId: string,
    hostProjectId: string,
    kind: JiraItemKind,
    jiraId: string,
  ): Promise<JiraItemLink | null>;
  findIssueByKey(
    organizationId: string,
    hostProjectId: string,
    jiraKey: string,
  ): Promise<JiraItemLink | null>;
  /** Inserts or replaces the link of (organization, project, kind, Jira id). */
  putItem(link: JiraItemLink): Promise<void>;
  /** Issues with a parent, by Jira id after `after`, at most `limit`: the parents step. */
  listChildren(
    organizationId: string,
    hostProjectId: string,
    after: string | null,
    limit: number,
  ): Promise<JiraItemLink[]>;
}
