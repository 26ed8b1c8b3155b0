import type { DueIssuesPage, DueIssuesQuery, HostCall } from "@plugboard/server";
import type { TrackerContext } from "../context";
import { type IssueRow, toIssue } from "../rows";

/** A project's issues with a due date, by id, a page at a time (the cursor is the last id). */
export async function listDueIssues(
  context: TrackerContext,
  call: HostCall,
  query: DueIssuesQuery,
): Promise<DueIssuesPage> {
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 500);
  const rows = context.db
    .prepare<[string, string, string, number], IssueRow>(
      `SELECT * FROM issues WHERE organization_id = ? AND project_id = ? AND due_date IS NOT NULL
       AND id > ? ORDER BY id LIMIT ?`,
    )
    .all(call.organizationId, query.projectId, query.cursor ?? "", limit + 1);
  const page = rows.slice(0, limit);
  return {
    issues: page.map((row) => toIssue(context, row)),
    nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
