/**
 * One Jira issue as the importer works with it, whichever source it came from (the Cloud API or
 * a CSV export): dates as ISO instants, text already Markdown. CSV rows are stored in this form
 * at upload, so an import job reads both sources the same way.
 */
export interface JiraPerson {
  accountId: string;
  name: string;
  email: string | null;
}

export interface JiraComment {
  id: string;
  author: JiraPerson | null;
  created: string;
  body: string;
}

export interface JiraAttachmentRef {
  /** A string, as issue fields give it (metadata gives a number). */
  id: string;
  fileName: string;
  /** Bytes; 0 from a CSV export, which gives none (the cap is then checked while streaming). */
  size: number;
  mimeType: string;
  /** Cloud: the content URL. CSV exports give a URL too. */
  url: string;
}

export interface JiraItem {
  id: string;
  key: string;
  summary: string;
  description: string;
  type: string;
  status: { name: string; category: "new" | "indeterminate" | "done" | "unknown" };
  priority: string | null;
  labels: string[];
  assignee: JiraPerson | null;
  reporter: JiraPerson | null;
  created: string;
  updated: string;
  resolved: string | null;
  due: string | null;
  /** The parent's (or epic's) Jira issue id. */
  parentId: string | null;
  /** Older CSV exports name the epic by key (`Custom field (Epic Link)`). */
  parentKey?: string | null;
  links: { type: string; direction: "inward" | "outward"; key: string }[];
  sprints: { name: string; startsAt: string | null; endsAt: string | null }[];
  components: string[];
  storyPoints: number | null;
  /** Custom field name → value as text. */
  customFields: Record<string, string>;
  comments: JiraComment[];
  attachments: JiraAttachmentRef[];
}

/** A source row that could not be read: reported, never fatal. */
export interface MalformedRow {
  malformed: true;
  /** `row 12`, or the issue key when the row had one. */
  item: string;
  reason: string;
}

export type SourceRow = JiraItem | MalformedRow;

export const isMalformed = (row: SourceRow): row is MalformedRow => "malformed" in row;
