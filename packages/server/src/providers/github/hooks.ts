import type { GitHubReference } from "@plugboard/core";

/** A pull request or commit on a linked repository mentioned an issue key for the first time. */
export interface IssueReferenceEvent {
  provider: "github";
  organizationId: string;
  projectId: string;
  issueKey: string;
  reference: GitHubReference;
}

/** A referencing pull request opened, merged or closed, and the host configured a status for it. */
export interface IssueStatusChangeEvent {
  provider: "github";
  organizationId: string;
  projectId: string;
  issueKey: string;
  /** One of the host's own status names from `providers.github.statuses`. */
  status: string;
  reason: "pull_request_opened" | "pull_request_merged" | "pull_request_closed";
  reference: GitHubReference;
}

export interface IssueHooks {
  /** Show the PR or commit on the issue. Errors are logged; the webhook still succeeds. */
  onIssueReference?: (event: IssueReferenceEvent) => void | Promise<void>;
  /** Move the issue (auto-close on merge, say). Errors are logged; the webhook still succeeds. */
  onIssueStatusChange?: (event: IssueStatusChangeEvent) => void | Promise<void>;
}
