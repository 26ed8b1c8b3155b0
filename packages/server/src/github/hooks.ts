import type { GitHubReference } from "@plugboard/core";

/** A pull request or commit on a linked repository mentioned an issue key for the first time. */
export interface IssueReferenceEvent {
  provider: "github";
  organizationId: string;
  projectId: string;
  issueKey: string;
  reference: GitHubReference;
}

/** What a referencing pull request did, as `providers.github.statuses` names it. */
export type IssueStatusReason =
  | "pull_request_opened"
  | "pull_request_merged"
  | "pull_request_closed";
