import type { HostIssue } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import type { TrackerContext } from "../context";
import { type IssueRow, toIssue } from "../rows";

export interface IssueQuery {
  text?: string;
  projectId?: string;
  /** Default 20, at most 100. */
  limit?: number;
}

/**
 * Issues of the organization matching `text` in their key, title or description: an exact key
 * first, then title matches, then the rest, each most recently updated first. Without text:
 * every issue, most recently updated first.
 */
export async function searchIssues(
  context: TrackerContext,
  call: HostCall,
  { text = "", projectId, limit = 20 }: IssueQuery,
): Promise<HostIssue[]> {
  const needle = text.trim();
  // LIKE's wildcards in the user's text are literal.
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = context.db
    .prepare<Record<string, unknown>, IssueRow>(
      `SELECT * FROM issues
       WHERE organization_id = @org
         AND (@project IS NULL OR project_id = @project)
         AND (@text = '' OR key LIKE @pattern ESCAPE '\\' OR title LIKE @pattern ESCAPE '\\'
              OR description LIKE @pattern ESCAPE '\\')
       ORDER BY key = upper(@text) DESC, title LIKE @pattern ESCAPE '\\' DESC, updated_at DESC, key
       LIMIT @limit`,
    )
    .all({
      org: call.organizationId,
      project: projectId ?? null,
      text: needle,
      pattern,
      limit: Math.min(Math.max(Math.trunc(limit) || 20, 1), 100),
    });
  return rows.map((row) => toIssue(context, row));
}
