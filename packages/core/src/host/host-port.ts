import { z } from "zod";

/**
 * What Plugboard reads back from the host's own tracker through the host port. The host is a
 * boundary like any client: its answers are parsed with these schemas, so a host bug shows as a
 * clear error naming the field instead of a broken Slack message or calendar event.
 */

/** A calendar date (`2026-12-01`) or an instant with its offset (`2026-12-01T09:30:00+01:00`). */
export const hostDueDateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const hostIssueSchema = z.object({
  id: z.string().min(1),
  /** The human key (`PLANE-123`) GitHub commits, Slack links and Jira imports refer to. */
  key: z.string().min(1),
  projectId: z.string().min(1),
  title: z.string(),
  description: z.string().nullable(),
  /** A workflow state id of the issue's project (see `workflowStates.list`). */
  stateId: z.string().min(1),
  priority: z.string().nullable(),
  assigneeId: z.string().nullable(),
  dueDate: hostDueDateSchema.nullable(),
  /** Where a person opens the issue in the host app: links in Slack, calendars, Jira. */
  url: z.url(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type HostIssue = z.infer<typeof hostIssueSchema>;

export const hostProjectSchema = z.object({
  id: z.string().min(1),
  /** The prefix of the project's issue keys (`PLANE`). */
  key: z.string().min(1),
  name: z.string(),
});
export type HostProject = z.infer<typeof hostProjectSchema>;

/** Plane's and Linear's state groups; features reason about a state through its category. */
export const workflowStateCategorySchema = z.enum([
  "backlog",
  "unstarted",
  "started",
  "completed",
  "cancelled",
]);
export type WorkflowStateCategory = z.infer<typeof workflowStateCategorySchema>;

export const hostWorkflowStateSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  category: workflowStateCategorySchema,
});
export type HostWorkflowState = z.infer<typeof hostWorkflowStateSchema>;

export const hostUserSchema = z.object({
  id: z.string().min(1),
  email: z.string().nullable(),
  name: z.string(),
});
export type HostUser = z.infer<typeof hostUserSchema>;

export const hostCommentSchema = z.object({
  id: z.string().min(1),
  issueId: z.string().min(1),
  body: z.string(),
  authorId: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type HostComment = z.infer<typeof hostCommentSchema>;

/** A host iteration (Linear cycle, Plane cycle) that Jira sprints become. */
export const hostCycleSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  startsAt: z.iso.datetime({ offset: true }).nullable(),
  endsAt: z.iso.datetime({ offset: true }).nullable(),
});
export type HostCycle = z.infer<typeof hostCycleSchema>;

export const hostAttachmentSchema = z.object({
  id: z.string().min(1),
  issueId: z.string().min(1),
  fileName: z.string(),
  size: z.number().int().min(0),
});
export type HostAttachment = z.infer<typeof hostAttachmentSchema>;
