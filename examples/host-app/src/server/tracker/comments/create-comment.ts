import { createId, type HostComment } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import { z } from "zod";
import { commentInputSchema } from "../../../shared/tracker-api";
import type { TrackerContext } from "../context";
import { announce } from "../events";
import { checkAssignee } from "../issues/references";
import { loadIssue, toComment } from "../rows";
import { parseInput } from "../validate";

/** What an importer adds: the original author (null: no one) and time, and the source's id. */
const importedCommentSchema = z.object({
  authorId: z.string().nullable().optional(),
  createdAt: z.iso.datetime({ offset: true }).optional(),
  externalId: z.string().min(1).max(200).optional(),
});

/**
 * Adds a comment to an issue, authored by the person (or by no one for an integration), or for
 * an importer by the original author at the original time.
 */
export async function createComment(
  context: TrackerContext,
  call: HostCall,
  input: {
    issueId: string;
    body: unknown;
    authorId?: unknown;
    createdAt?: unknown;
    externalId?: unknown;
  },
): Promise<HostComment> {
  const { issueId, body: rawBody, ...rest } = input;
  const { body } = parseInput(commentInputSchema, { body: rawBody });
  const imported = parseInput(importedCommentSchema, rest);
  const issue = loadIssue(context, call.organizationId, issueId);
  if (imported.authorId) checkAssignee(context, call.organizationId, imported.authorId);
  const comment = toComment({
    id: createId("cmt"),
    issue_id: issue.id,
    body,
    author_id:
      imported.authorId !== undefined
        ? imported.authorId
        : "userId" in call.actor
          ? call.actor.userId
          : null,
    created_at: imported.createdAt ?? context.now().toISOString(),
  });
  context.db
    .prepare(
      `INSERT INTO comments (id, issue_id, body, author_id, created_at, external_id)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      comment.id,
      comment.issueId,
      comment.body,
      comment.authorId,
      comment.createdAt,
      imported.externalId ?? null,
    );
  await announce(context, call, comment.id, [
    {
      type: "comment.created",
      projectId: issue.projectId,
      data: { comment, issue: { id: issue.id, key: issue.key, url: issue.url } },
    },
  ]);
  return comment;
}
