import type { HostPort } from "@plugboard/server";
import { createComment } from "./comments/create-comment";
import type { TrackerContext } from "./context";
import { createIssue } from "./issues/create-issue";
import { getIssue } from "./issues/get-issue";
import { getIssueByKey } from "./issues/get-issue-by-key";
import { listDueIssues } from "./issues/list-due-issues";
import { searchIssues } from "./issues/search-issues";
import { updateIssue } from "./issues/update-issue";
import { listProjects } from "./projects/list-projects";
import { findUserByEmail } from "./users/find-user-by-email";
import { getUser } from "./users/get-user";
import { listWorkflowStates } from "./workflow-states/list-workflow-states";

/**
 * The demo tracker as Plugboard's host port, each capability over the tracker's own SQLite
 * tables: what GitHub, Slack and calendar sync use. The Jira importer's (external ids, cycles,
 * attachments, users.list) are not here: the demo does not offer Jira import yet. Changes made
 * through it are announced like any other (see events.ts).
 */
export function trackerHostPort(context: TrackerContext) {
  return {
    issues: {
      create: (call, input) => createIssue(context, call, input),
      update: (call, issueId, changes) => updateIssue(context, call, issueId, changes),
      getByKey: (call, key) => getIssueByKey(context, call, key),
      search: (call, query) => searchIssues(context, call, query),
      get: (call, issueId) => getIssue(context, call, issueId),
      listDue: (call, query) => listDueIssues(context, call, query),
    },
    comments: { create: (call, input) => createComment(context, call, input) },
    projects: { list: (call) => listProjects(context, call) },
    workflowStates: { list: (call, projectId) => listWorkflowStates(context, call, projectId) },
    users: {
      get: (call, userId) => getUser(context, call, userId),
      findByEmail: (call, email) => findUserByEmail(context, call, email),
    },
  } satisfies HostPort;
}
