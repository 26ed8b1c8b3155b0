import type { HostCall, IssueReferenceEvent, IssueStatusChangeEvent } from "@plugboard/server";
import { createComment } from "./tracker/comments/create-comment";
import type { TrackerContext } from "./tracker/context";
import { getIssueByKey } from "./tracker/issues/get-issue-by-key";
import { updateIssue } from "./tracker/issues/update-issue";
import { listWorkflowStates } from "./tracker/workflow-states/list-workflow-states";

/**
 * What GitHub activity does to the tracker's issues: a new mention becomes a comment, and a
 * status from `providers.github.statuses` ("In Review", "Done") moves the issue to the project's
 * state of that name. Both act as the GitHub integration, never as a person.
 */
export function githubIssueSync(tracker: TrackerContext) {
  const as = (organizationId: string): HostCall => ({
    organizationId,
    actor: { integration: "github" },
  });
  return {
    async onIssueReference({ organizationId, issueKey, reference }: IssueReferenceEvent) {
      const call = as(organizationId);
      const issue = await getIssueByKey(tracker, call, issueKey);
      if (!issue) return;
      await createComment(tracker, call, {
        issueId: issue.id,
        body: `Mentioned in ${reference.repositoryFullName} ${reference.label} “${reference.title}”: ${reference.url}`,
      });
    },
    async onIssueStatusChange({ organizationId, issueKey, status }: IssueStatusChangeEvent) {
      const call = as(organizationId);
      const issue = await getIssueByKey(tracker, call, issueKey);
      if (!issue) return;
      const states = await listWorkflowStates(tracker, call, issue.projectId);
      const state = states.find((candidate) => candidate.name === status);
      if (state) await updateIssue(tracker, call, issue.id, { stateId: state.id });
    },
  };
}
