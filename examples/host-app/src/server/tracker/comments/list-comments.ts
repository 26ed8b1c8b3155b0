import type { HostComment } from "@plugboard/core";
import type { TrackerContext } from "../context";
import { type CommentRow, toComment } from "../rows";

/** An issue's comments, oldest first (the issue detail page). */
export function listComments(context: TrackerContext, issueId: string): HostComment[] {
  return context.db
    .prepare<[string], CommentRow>(
      "SELECT * FROM comments WHERE issue_id = ? ORDER BY created_at, rowid",
    )
    .all(issueId)
    .map(toComment);
}
