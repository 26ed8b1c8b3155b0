/** A GitHub repository linked to a host project. */
export interface RepositoryLinkRecord {
  id: string;
  organizationId: string;
  projectId: string;
  installationId: string;
  repositoryId: number;
  repositoryFullName: string;
  linkedBy: string;
  createdAt: number;
}

export type GitHubReferenceKind = "pull_request" | "commit";
export type GitHubReferenceState = "open" | "merged" | "closed" | "pushed";

/** A pull request or commit that mentions an issue key, in one linked project. */
export interface GitHubReferenceRecord {
  id: string;
  organizationId: string;
  projectId: string;
  issueKey: string;
  kind: GitHubReferenceKind;
  repositoryFullName: string;
  /** The PR number or the commit SHA: with kind, repository and issue key, the natural key. */
  externalId: string;
  label: string;
  title: string;
  url: string;
  state: GitHubReferenceState;
  author: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface GitHubStore {
  /** Throws a `conflict` PlugboardError when the repository is already linked to the project. */
  createLink(record: RepositoryLinkRecord): Promise<void>;
  /** Oldest first; every project's when `projectId` is omitted. */
  listLinks(organizationId: string, projectId?: string): Promise<RepositoryLinkRecord[]>;
  /** Across organizations: a webhook names only the repository. */
  linksForRepository(repositoryId: number): Promise<RepositoryLinkRecord[]>;
  deleteLink(organizationId: string, id: string): Promise<boolean>;
  deleteLinksOfInstallation(organizationId: string, installationId: string): Promise<number>;
  /**
   * Inserts the reference, or updates title, state, author, label, url and `updatedAt` of the one
   * with the same natural key (keeping its id and `createdAt`). Whether it was new, and its id.
   */
  upsertReference(record: GitHubReferenceRecord): Promise<{ created: boolean; id: string }>;
  /** Most recently updated first. */
  listReferences(
    organizationId: string,
    projectId: string,
    limit: number,
  ): Promise<GitHubReferenceRecord[]>;
  /** Remembers a webhook delivery id; false when it had been seen already. */
  recordDelivery(deliveryId: string, receivedAt: number): Promise<boolean>;
  /** Forgets a delivery whose processing failed, so GitHub's redelivery is processed. */
  forgetDelivery(deliveryId: string): Promise<void>;
  /** Forgets deliveries received before `before`; how many went. */
  pruneDeliveries(before: number): Promise<number>;
}
