import { createId, type HostIssue } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import { issueChangesSchema } from "../../../shared/tracker-api";
import type { TrackerContext } from "../context";
import { announce, type TrackerEvent } from "../events";
import { loadIssue, stateById } from "../rows";
import { parseInput } from "../validate";
import { checkAssignee, checkState } from "./references";

const columns = {
  title: "title",
  description: "description",
  stateId: "state_id",
  priority: "priority",
  assigneeId: "assignee_id",
  dueDate: "due_date",
} as const;

type Field = keyof typeof columns;

/**
 * Changes the fields present (`null` clears one) in one statement, then announces
 * `issue.updated` naming what changed, plus `issue.assigned` when the assignee changed and
 * `issue.completed` when it moved into a completed state. Nothing changed: nothing announced.
 */
export async function updateIssue(
  context: TrackerContext,
  call: HostCall,
  issueId: string,
  input: unknown,
): Promise<HostIssue> {
  const changes = parseInput(issueChangesSchema, input);
  const before = loadIssue(context, call.organizationId, issueId);
  if (changes.stateId !== undefined) checkState(context, before.projectId, changes.stateId);
  if (changes.assigneeId !== undefined) {
    checkAssignee(context, call.organizationId, changes.assigneeId);
  }
  const changed = (Object.keys(columns) as Field[]).filter(
    (field) => changes[field] !== undefined && (changes[field] || null) !== before[field],
  );
  if (changed.length === 0) return before;
  const assignments = changed.map((field) => `${columns[field]} = ?`).join(", ");
  context.db
    .prepare(`UPDATE issues SET ${assignments}, updated_at = ? WHERE id = ?`)
    .run(...changed.map((field) => changes[field] || null), context.now().toISOString(), issueId);
  const issue = loadIssue(context, call.organizationId, issueId);
  const events: TrackerEvent[] = [
    { type: "issue.updated", projectId: issue.projectId, data: { issue, changed } },
  ];
  if (changed.includes("assigneeId")) {
    events.push({ type: "issue.assigned", projectId: issue.projectId, data: { issue } });
  }
  const state = stateById(context, issue.stateId);
  if (changed.includes("stateId") && state?.category === "completed") {
    events.push({ type: "issue.completed", projectId: issue.projectId, data: { issue } });
  }
  await announce(context, call, createId("chg"), events);
  return issue;
}
