import type { TrackerContext } from "../context";
import { stateById } from "../rows";
import { invalidField } from "../validate";

/** A state must be one of the project. */
export function checkState(context: TrackerContext, projectId: string, stateId: string) {
  if (stateById(context, stateId)?.project_id !== projectId) {
    throw invalidField("stateId", "No such state in this project");
  }
}

/** An assignee must be a person of the organization. */
export function checkAssignee(
  context: TrackerContext,
  organizationId: string,
  assigneeId: string | null,
) {
  if (assigneeId === null) return;
  const found = context.db
    .prepare("SELECT 1 FROM users WHERE organization_id = ? AND id = ?")
    .get(organizationId, assigneeId);
  if (!found) throw invalidField("assigneeId", "No such person in this organization");
}
