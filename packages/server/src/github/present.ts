import type { GitHubReference, RepositoryLink } from "@plugboard/core";
import type { GitHubReferenceRecord, RepositoryLinkRecord } from "./store/types";

export function presentLink(record: RepositoryLinkRecord): RepositoryLink {
  return {
    id: record.id,
    projectId: record.projectId,
    installationId: record.installationId,
    repositoryId: record.repositoryId,
    repositoryFullName: record.repositoryFullName,
    linkedBy: record.linkedBy,
    createdAt: new Date(record.createdAt).toISOString(),
  };
}

export function presentReference(record: GitHubReferenceRecord): GitHubReference {
  return {
    id: record.id,
    projectId: record.projectId,
    issueKey: record.issueKey,
    kind: record.kind,
    repositoryFullName: record.repositoryFullName,
    label: record.label,
    title: record.title,
    url: record.url,
    state: record.state,
    author: record.author,
    updatedAt: new Date(record.updatedAt).toISOString(),
  };
}
