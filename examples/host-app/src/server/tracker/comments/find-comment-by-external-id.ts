import type { HostComment } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import type { TrackerContext } from "../context";
import { type CommentRow, toComment } from "../rows";

/** The comment an importer created with that external id, in the caller's organization. */
export async function findCommentByExternalId(
  context: TrackerContext,
  call: HostCall,
  externalId: string,
): Promise<HostComment | null> {
  const row = context.db
    .prepare<[string, string], CommentRow>(
      `SELECT comments.* FROM comments JOIN issues ON issues.id = comments.issue_id
       WHERE issues.organization_id = ? AND comments.external_id = ?`,
    )
    .get(call.organizationId, externalId);
  return row ? toComment(row) : null;
}
