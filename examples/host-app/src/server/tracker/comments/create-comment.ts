import { createId, type HostComment } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import { commentInputSchema } from "../../../shared/tracker-api";
import type { TrackerContext } from "../context";
import { announce } from "../events";
import { loadIssue, toComment } from "../rows";
import { parseInput } from "../validate";

/** Adds a comment to an issue (authored by the person, or by no one for an integration). */
export async function createComment(
  context: TrackerContext,
  call: HostCall,
  input: { issueId: string; body: unknown },
): Promise<HostComment> {
  const { body } = parseInput(commentInputSchema, { body: input.body });
  const issue = loadIssue(context, call.organizationId, input.issueId);
  const comment = toComment({
    id: createId("cmt"),
    issue_id: issue.id,
    body,
    author_id: "userId" in call.actor ? call.actor.userId : null,
    created_at: context.now().toISOString(),
  });
  context.db
    .prepare(
      "INSERT INTO comments (id, issue_id, body, author_id, created_at) VALUES (?, ?, ?, ?, ?)",
    )
    .run(comment.id, comment.issueId, comment.body, comment.authorId, comment.createdAt);
  await announce(context, call, comment.id, [
    {
      type: "comment.created",
      projectId: issue.projectId,
      data: { comment, issue: { id: issue.id, key: issue.key, url: issue.url } },
    },
  ]);
  return comment;
}
