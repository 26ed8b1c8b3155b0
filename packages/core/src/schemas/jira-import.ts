import { z } from "zod";
import { hostProjectSchema, hostUserSchema, workflowStateCategorySchema } from "../host/host-port";
import { timestampSchema } from "./common";

/** Where issues come from: a Jira Cloud site (API token) or an uploaded CSV export. */
export const jiraSourceSchema = z.object({
  id: z.string(),
  kind: z.enum(["cloud", "csv"]),
  name: z.string(),
  /** Cloud: `https://acme.atlassian.net`. The API token is never returned. */
  siteUrl: z.string().nullable(),
  email: z.string().nullable(),
  /** CSV: the zone the export's dates are written in (exports carry no offset). */
  timeZone: z.string().nullable(),
  /** CSV: data rows read, malformed ones included. */
  rowCount: z.number().int().nullable(),
  createdAt: timestampSchema,
});
export type JiraSource = z.infer<typeof jiraSourceSchema>;
export const jiraSourceListSchema = z.object({ data: z.array(jiraSourceSchema) });
export type JiraSourceList = z.infer<typeof jiraSourceListSchema>;

const siteUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(300)
  .transform((url) => url.replace(/\/+$/, ""));

export const createJiraCloudSourceSchema = z.object({
  siteUrl: siteUrlSchema,
  email: z.email().max(320),
  apiToken: z.string().min(1).max(1_000),
  name: z.string().trim().min(1).max(100).optional(),
});
export type CreateJiraCloudSourceInput = z.input<typeof createJiraCloudSourceSchema>;

/** Checks an IANA zone name with the runtime's own zone data. */
const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "Not a known time zone");

/** `POST /jira-import/sources/csv?name=…&timeZone=Europe/Paris`, the body the CSV file itself. */
export const csvSourceQuerySchema = z.object({
  name: z.string().trim().min(1).max(100).default("CSV export"),
  timeZone: timeZoneSchema,
});
export type CsvSourceQuery = z.input<typeof csvSourceQuerySchema>;

/** How Jira values become host values. `null` leaves the field empty (users: unassigned). */
export const jiraMappingSchema = z.object({
  /** Jira status name → host workflow state id. */
  statuses: z.record(z.string(), z.string().nullable()).default({}),
  /** Jira priority name → host priority. */
  priorities: z.record(z.string(), z.string().nullable()).default({}),
  /** Jira issue type name → a label put on the issue (`type:Bug`), or none. */
  types: z.record(z.string(), z.string().nullable()).default({}),
  /** Jira account id → host user id. */
  users: z.record(z.string(), z.string().nullable()).default({}),
  /** Jira sprint name → host cycle id, `"create"` (made when importing), or none. */
  sprints: z.record(z.string(), z.string().nullable()).default({}),
  /** Custom field names kept as text at the end of the description. */
  customFields: z.array(z.string().max(200)).max(100).default([]),
  /** Attachments larger than this are skipped (reported). */
  attachmentMaxBytes: z.number().int().min(0).max(1_073_741_824).default(10_485_760),
});
export type JiraMapping = z.infer<typeof jiraMappingSchema>;
export type JiraMappingInput = z.input<typeof jiraMappingSchema>;

export const jiraImportScopeSchema = z.object({
  sourceId: z.string().min(1).max(100),
  /** The Jira project key (`ORB`). */
  projectKey: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{0,49}$/, "A Jira project key: capitals, digits, underscore"),
  /** Narrows the project's issues (`AND`ed to `project = KEY`). Cloud sources only. */
  jql: z.string().trim().max(2_000).nullable().default(null),
  hostProjectId: z.string().min(1).max(200),
});

export const jiraPreviewInputSchema = jiraImportScopeSchema.extend({
  mapping: jiraMappingSchema.optional(),
});
export type JiraPreviewInput = z.input<typeof jiraPreviewInputSchema>;

export const startJiraImportSchema = jiraImportScopeSchema.extend({
  mapping: jiraMappingSchema,
  /**
   * Reads only issues updated since the last succeeded run of the same scope (Cloud sources),
   * with an overlap for JQL's minute precision and a repeated DST hour. Without one: all issues.
   */
  incremental: z.boolean().default(false),
});
export type StartJiraImportInput = z.input<typeof startJiraImportSchema>;

const counted = z.object({ name: z.string(), count: z.number().int() });

/** What a source holds for the chosen project: the values the mapping step maps. */
export const jiraDiscoverySchema = z.object({
  statuses: z.array(
    counted.extend({ category: z.enum(["new", "indeterminate", "done", "unknown"]) }),
  ),
  priorities: z.array(counted),
  types: z.array(counted),
  users: z.array(
    counted.extend({
      accountId: z.string(),
      email: z.string().nullable(),
      /** The host user with the same email, when the host port finds one. */
      hostUserId: z.string().nullable(),
    }),
  ),
  sprints: z.array(counted),
  customFields: z.array(counted),
});
export type JiraDiscovery = z.infer<typeof jiraDiscoverySchema>;

export const jiraWarningSchema = z.object({
  code: z.enum([
    "malformed_row",
    "attachment_too_large",
    "unmapped_status",
    "unmapped_user",
    "unmapped_sprint",
    "link_outside_import",
  ]),
  message: z.string(),
  jiraKey: z.string().nullable(),
});
export type JiraWarning = z.infer<typeof jiraWarningSchema>;

export const jiraSkippedSchema = z.object({
  /** The issue key, or `row 12` for a CSV row that could not be read. */
  item: z.string(),
  reason: z.string(),
});

/** One issue as it would be written to the host. */
export const jiraSampleIssueSchema = z.object({
  jiraKey: z.string(),
  title: z.string(),
  description: z.string(),
  stateId: z.string().nullable(),
  priority: z.string().nullable(),
  assigneeId: z.string().nullable(),
  labels: z.array(z.string()),
  comments: z.number().int(),
});

/** A dry run: what an import would do, with nothing written. */
export const jiraDryRunReportSchema = z.object({
  issues: z.number().int(),
  /** Issues already imported before: they would be updated, not created again. */
  updates: z.number().int(),
  comments: z.number().int(),
  attachments: z.number().int(),
  byType: z.record(z.string(), z.number().int()),
  unmapped: z.object({
    statuses: z.array(z.string()),
    priorities: z.array(z.string()),
    users: z.array(z.string()),
    sprints: z.array(z.string()),
  }),
  warnings: z.array(jiraWarningSchema),
  skipped: z.array(jiraSkippedSchema),
  sample: z.array(jiraSampleIssueSchema),
});
export type JiraDryRunReport = z.infer<typeof jiraDryRunReportSchema>;

export const jiraPreviewSchema = z.object({
  discovery: jiraDiscoverySchema,
  /** States by status category, priorities by name, users by email, sprints to create. */
  suggestedMapping: jiraMappingSchema,
  /** The dry run with the mapping given, or the suggested one. */
  report: jiraDryRunReportSchema,
  hostStates: z.array(
    z.object({ id: z.string(), name: z.string(), category: workflowStateCategorySchema }),
  ),
});
export type JiraPreview = z.infer<typeof jiraPreviewSchema>;

export const jiraImportStatusSchema = z.enum([
  "queued",
  "running",
  "cancelling",
  "cancelled",
  "succeeded",
  "failed",
]);
export type JiraImportStatus = z.infer<typeof jiraImportStatusSchema>;

export const jiraImportProgressSchema = z.object({
  done: z.number().int(),
  /** Null while the source is still being counted. */
  total: z.number().int().nullable(),
  step: z.enum(["counting", "issues", "parents", "done"]),
  /** Issues per second over this run so far. */
  ratePerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
});
export type JiraImportProgress = z.infer<typeof jiraImportProgressSchema>;

export const jiraImportReportSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  comments: z.number().int(),
  attachments: z.number().int(),
  /** The first issues written, with links: the rest are in the host project. */
  issues: z.array(z.object({ jiraKey: z.string(), hostKey: z.string(), url: z.string() })),
  skipped: z.array(jiraSkippedSchema),
  warnings: z.array(jiraWarningSchema),
});
export type JiraImportReport = z.infer<typeof jiraImportReportSchema>;

export const jiraImportRunSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  projectKey: z.string(),
  hostProjectId: z.string(),
  status: jiraImportStatusSchema,
  progress: jiraImportProgressSchema,
  report: jiraImportReportSchema,
  error: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type JiraImportRun = z.infer<typeof jiraImportRunSchema>;
export const jiraImportRunListSchema = z.object({ data: z.array(jiraImportRunSchema) });
export type JiraImportRunList = z.infer<typeof jiraImportRunListSchema>;

/** The Jira projects a source holds. */
export const jiraProjectListSchema = z.object({
  data: z.array(z.object({ key: z.string(), name: z.string() })),
});
export type JiraProjectList = z.infer<typeof jiraProjectListSchema>;

/** What the importer can write to: the host's projects, and its users for the user mapping. */
export const jiraHostTargetsSchema = z.object({
  projects: z.array(hostProjectSchema),
  users: z.array(hostUserSchema),
});
export type JiraHostTargets = z.infer<typeof jiraHostTargetsSchema>;
