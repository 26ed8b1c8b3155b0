import {
  hostCommentSchema,
  hostIssueSchema,
  hostUserSchema,
  hostWorkflowStateSchema,
} from "@plugboard/core";
import { z } from "zod";

/**
 * The demo tracker's wire contract, shared by its JSON API (`/demo-tracker`) and the Issues page.
 * Issues, comments, states and users have the host port's shapes, so there is one of each.
 */
export const issuePrioritySchema = z.enum(["urgent", "high", "medium", "low"]);
export type IssuePriority = z.infer<typeof issuePrioritySchema>;

const issueFields = {
  title: z.string().trim().min(1, "Give the issue a title").max(256),
  description: z.string().max(10_000).nullable(),
  stateId: z.string().min(1),
  priority: issuePrioritySchema.nullable(),
  assigneeId: z.string().min(1).nullable(),
  dueDate: z.iso.date("Use a date like 2026-12-31").nullable(),
};

export const createIssueInputSchema = z.strictObject({
  projectId: z.string().min(1),
  title: issueFields.title,
  description: issueFields.description.optional(),
  stateId: issueFields.stateId.optional(),
  priority: issueFields.priority.optional(),
  assigneeId: issueFields.assigneeId.optional(),
  dueDate: issueFields.dueDate.optional(),
});
export type CreateIssueBody = z.infer<typeof createIssueInputSchema>;

/** Only the fields present change; `null` clears one. */
export const issueChangesSchema = z
  .strictObject(issueFields)
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, "Send at least one field to change");
export type IssueChangesBody = z.infer<typeof issueChangesSchema>;

export const commentInputSchema = z.strictObject({
  body: z.string().trim().min(1, "Write something").max(10_000),
});

export const trackerProjectSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  states: z.array(hostWorkflowStateSchema),
});
export type TrackerProject = z.infer<typeof trackerProjectSchema>;

/** What the Issues page loads first: who is signed in, the people, the projects and states. */
export const trackerSessionSchema = z.object({
  user: hostUserSchema,
  users: z.array(hostUserSchema),
  projects: z.array(trackerProjectSchema),
});
export type TrackerSession = z.infer<typeof trackerSessionSchema>;

export const issueListSchema = z.object({ data: z.array(hostIssueSchema) });

export const issueDetailSchema = z.object({
  issue: hostIssueSchema,
  comments: z.array(hostCommentSchema),
});
export type IssueDetail = z.infer<typeof issueDetailSchema>;
