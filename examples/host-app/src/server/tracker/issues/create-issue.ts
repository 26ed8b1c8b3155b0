import { createId, type HostIssue } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import { createIssueInputSchema } from "../../../shared/tracker-api";
import type { TrackerContext } from "../context";
import { announce } from "../events";
import { loadIssue } from "../rows";
import { invalidField, parseInput } from "../validate";
import { type ImportedFields, writeImportedFields } from "./imported-fields";
import { checkAssignee, checkState } from "./references";

/**
 * Creates an issue with the project's next key (DEMO-4, DEMO-5, …) in one transaction, then
 * announces `issue.created`. Without a state it starts in the project's first unstarted one.
 * An importer's fields (`imported`: external id, labels, original creation time…) are written in
 * the same transaction.
 */
export async function createIssue(
  context: TrackerContext,
  call: HostCall,
  input: unknown,
  imported: ImportedFields = {},
): Promise<HostIssue> {
  const fields = parseInput(createIssueInputSchema, input);
  const id = createId("iss");
  const insert = context.db.transaction(() => {
    const project = context.db
      .prepare<[string, string], { key: string; next_number: number }>(
        "SELECT key, next_number FROM projects WHERE organization_id = ? AND id = ?",
      )
      .get(call.organizationId, fields.projectId);
    if (!project) throw invalidField("projectId", "No such project");
    const stateId =
      fields.stateId ??
      context.db
        .prepare<[string], { id: string }>(
          `SELECT id FROM workflow_states WHERE project_id = ?
           ORDER BY category = 'unstarted' DESC, position LIMIT 1`,
        )
        .get(fields.projectId)?.id;
    if (!stateId) throw invalidField("stateId", "The project has no workflow states");
    checkState(context, fields.projectId, stateId);
    checkAssignee(context, call.organizationId, fields.assigneeId ?? null);
    const now = context.now().toISOString();
    context.db
      .prepare("UPDATE projects SET next_number = next_number + 1 WHERE id = ?")
      .run(fields.projectId);
    context.db
      .prepare(
        `INSERT INTO issues (id, organization_id, project_id, key, title, description, state_id,
           priority, assignee_id, due_date, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        call.organizationId,
        fields.projectId,
        `${project.key}-${project.next_number}`,
        fields.title,
        fields.description || null,
        stateId,
        fields.priority ?? null,
        fields.assigneeId ?? null,
        fields.dueDate ?? null,
        now,
        now,
      );
    writeImportedFields(context, call.organizationId, id, imported);
  });
  insert();
  const issue = loadIssue(context, call.organizationId, id);
  await announce(context, call, id, [
    { type: "issue.created", projectId: issue.projectId, data: { issue } },
  ]);
  return issue;
}
