import type { HostWorkflowState } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import type { TrackerContext } from "../context";

/** A project's states in board order; empty for a project of another organization. */
export async function listWorkflowStates(
  context: TrackerContext,
  call: HostCall,
  projectId: string,
): Promise<HostWorkflowState[]> {
  return context.db
    .prepare<[string, string], HostWorkflowState>(
      `SELECT s.id, s.name, s.category FROM workflow_states s
       JOIN projects p ON p.id = s.project_id
       WHERE p.organization_id = ? AND s.project_id = ? ORDER BY s.position`,
    )
    .all(call.organizationId, projectId);
}
