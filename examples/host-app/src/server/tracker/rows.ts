import {
  type HostComment,
  type HostIssue,
  type HostWorkflowState,
  PlugboardError,
} from "@plugboard/core";
import type { TrackerContext } from "./context";

export interface IssueRow {
  id: string;
  organization_id: string;
  project_id: string;
  key: string;
  title: string;
  description: string | null;
  state_id: string;
  priority: string | null;
  assignee_id: string | null;
  due_date: string | null;
  created_at: string;
  updated_at: string;
}

export function toIssue(context: TrackerContext, row: IssueRow): HostIssue {
  return {
    id: row.id,
    key: row.key,
    projectId: row.project_id,
    title: row.title,
    description: row.description,
    stateId: row.state_id,
    priority: row.priority,
    assigneeId: row.assignee_id,
    dueDate: row.due_date,
    url: `${context.appOrigin()}/issues/${encodeURIComponent(row.key)}`,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface CommentRow {
  id: string;
  issue_id: string;
  body: string;
  author_id: string | null;
  created_at: string;
}

export function toComment(row: CommentRow): HostComment {
  return {
    id: row.id,
    issueId: row.issue_id,
    body: row.body,
    authorId: row.author_id,
    createdAt: row.created_at,
  };
}

export function issueById(context: TrackerContext, organizationId: string, id: string) {
  return context.db
    .prepare<[string, string], IssueRow>(
      "SELECT * FROM issues WHERE organization_id = ? AND id = ?",
    )
    .get(organizationId, id);
}

export function stateById(context: TrackerContext, id: string) {
  return context.db
    .prepare<[string], HostWorkflowState & { project_id: string }>(
      "SELECT id, name, category, project_id FROM workflow_states WHERE id = ?",
    )
    .get(id);
}

/** The issue as the port returns it; a missing one is a 404. */
export function loadIssue(context: TrackerContext, organizationId: string, id: string): HostIssue {
  const row = issueById(context, organizationId, id);
  if (!row) throw new PlugboardError({ code: "not_found", detail: "No such issue" });
  return toIssue(context, row);
}
