import type { IssueReferenceEvent } from "@plugboard/server";
import { createComment } from "./tracker/comments/create-comment";
import type { TrackerContext } from "./tracker/context";
import { getIssueByKey } from "./tracker/issues/get-issue-by-key";

/**
 * `providers.github.onIssueReference`: a pull request or commit that mentions an issue for the
 * first time becomes a comment on it, written as the GitHub integration, never as a person.
 * (Moving the issue is Plugboard's own work, through the host port and `statuses`.)
 */
export function commentOnMention(tracker: TrackerContext) {
  return async ({ organizationId, issueKey, reference }: IssueReferenceEvent) => {
    const call = { organizationId, actor: { integration: "github" } };
    const issue = await getIssueByKey(tracker, call, issueKey);
    if (!issue) return;
    await createComment(tracker, call, {
      issueId: issue.id,
      body: `Mentioned in ${reference.repositoryFullName} ${reference.label} “${reference.title}”: ${reference.url}`,
    });
  };
}
