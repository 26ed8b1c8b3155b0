import type { HostPort } from "@plugboard/server";
import { uploadAttachment } from "./attachments/upload-attachment";
import { createComment } from "./comments/create-comment";
import { findCommentByExternalId } from "./comments/find-comment-by-external-id";
import type { TrackerContext } from "./context";
import { createCycle, listCycles } from "./cycles/cycles";
import { createIssue } from "./issues/create-issue";
import { findIssueByExternalId } from "./issues/find-issue-by-external-id";
import { getIssue } from "./issues/get-issue";
import { getIssueByKey } from "./issues/get-issue-by-key";
import { splitImported } from "./issues/imported-fields";
import { listDueIssues } from "./issues/list-due-issues";
import { searchIssues } from "./issues/search-issues";
import { updateImportedIssue } from "./issues/update-imported-issue";
import { listProjects } from "./projects/list-projects";
import { findUserByEmail } from "./users/find-user-by-email";
import { getUser } from "./users/get-user";
import { listUsers } from "./users/list-users";
import { listWorkflowStates } from "./workflow-states/list-workflow-states";

/**
 * The demo tracker as Plugboard's host port, each capability over the tracker's own SQLite
 * tables: what GitHub, Slack and calendar sync use, and the Jira importer's (issues and comments
 * found again by external id, imported fields, cycles, attachments, the people to map to).
 * Changes made through it are announced like any other (see events.ts).
 */
export function trackerHostPort(context: TrackerContext) {
  return {
    issues: {
      create: (call, input) => createIssue(context, call, ...splitImported(input)),
      update: (call, issueId, changes) =>
        updateImportedIssue(context, call, issueId, ...splitImported(changes)),
      findByExternalId: (call, externalId) => findIssueByExternalId(context, call, externalId),
      getByKey: (call, key) => getIssueByKey(context, call, key),
      search: (call, query) => searchIssues(context, call, query),
      get: (call, issueId) => getIssue(context, call, issueId),
      listDue: (call, query) => listDueIssues(context, call, query),
    },
    comments: {
      create: (call, input) => createComment(context, call, input),
      findByExternalId: (call, externalId) => findCommentByExternalId(context, call, externalId),
    },
    cycles: {
      list: (call, projectId) => listCycles(context, call, projectId),
      create: (call, input) => createCycle(context, call, input),
    },
    attachments: { upload: (call, input) => uploadAttachment(context, call, input) },
    projects: { list: (call) => listProjects(context, call) },
    workflowStates: { list: (call, projectId) => listWorkflowStates(context, call, projectId) },
    users: {
      get: (call, userId) => getUser(context, call, userId),
      findByEmail: (call, email) => findUserByEmail(context, call, email),
      list: async (call) => listUsers(context, call.organizationId),
    },
  } satisfies HostPort;
}
