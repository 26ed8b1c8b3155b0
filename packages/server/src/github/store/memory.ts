import { PlugboardError } from "@plugboard/core";
import type { GitHubReferenceRecord, GitHubStore, RepositoryLinkRecord } from "./types";

const referenceKey = (record: GitHubReferenceRecord) =>
  [
    record.organizationId,
    record.projectId,
    record.kind,
    record.repositoryFullName,
    record.externalId,
    record.issueKey,
  ].join("\u0000");

export function memoryGitHub(): GitHubStore & { clear(): void } {
  const links = new Map<string, RepositoryLinkRecord>();
  const references = new Map<string, GitHubReferenceRecord>();
  const deliveries = new Map<string, number>();
  const byAge = (a: RepositoryLinkRecord, b: RepositoryLinkRecord) =>
    a.createdAt - b.createdAt || a.id.localeCompare(b.id);

  return {
    async createLink(record) {
      for (const existing of links.values()) {
        if (
          existing.organizationId === record.organizationId &&
          existing.projectId === record.projectId &&
          existing.repositoryId === record.repositoryId
        ) {
          throw new PlugboardError({
            code: "conflict",
            detail: `${record.repositoryFullName} is already linked to this project`,
          });
        }
      }
      links.set(record.id, { ...record });
    },
    async listLinks(organizationId, projectId) {
      return [...links.values()]
        .filter(
          (link) =>
            link.organizationId === organizationId &&
            (projectId === undefined || link.projectId === projectId),
        )
        .sort(byAge)
        .map((link) => ({ ...link }));
    },
    async linksForRepository(repositoryId) {
      return [...links.values()]
        .filter((link) => link.repositoryId === repositoryId)
        .sort(byAge)
        .map((link) => ({ ...link }));
    },
    async deleteLink(organizationId, id) {
      const link = links.get(id);
      if (!link || link.organizationId !== organizationId) return false;
      return links.delete(id);
    },
    async deleteLinksOfInstallation(organizationId, installationId) {
      let removed = 0;
      for (const [id, link] of links) {
        if (link.organizationId === organizationId && link.installationId === installationId) {
          links.delete(id);
          removed += 1;
        }
      }
      return removed;
    },
    async upsertReference(record) {
      const key = referenceKey(record);
      const existing = references.get(key);
      if (!existing) {
        references.set(key, { ...record });
        return { created: true, id: record.id };
      }
      references.set(key, {
        ...existing,
        title: record.title,
        state: record.state,
        author: record.author,
        label: record.label,
        url: record.url,
        updatedAt: record.updatedAt,
      });
      return { created: false, id: existing.id };
    },
    async listReferences(organizationId, projectId, limit) {
      return [...references.values()]
        .filter((ref) => ref.organizationId === organizationId && ref.projectId === projectId)
        .sort((a, b) => b.updatedAt - a.updatedAt || b.id.localeCompare(a.id))
        .slice(0, limit)
        .map((ref) => ({ ...ref }));
    },
    async recordDelivery(deliveryId, receivedAt) {
      if (deliveries.has(deliveryId)) return false;
      deliveries.set(deliveryId, receivedAt);
      return true;
    },
    async forgetDelivery(deliveryId) {
      deliveries.delete(deliveryId);
    },
    async pruneDeliveries(before) {
      let removed = 0;
      for (const [id, receivedAt] of deliveries) {
        if (receivedAt < before) {
          deliveries.delete(id);
          removed += 1;
        }
      }
      return removed;
    },
    clear() {
      links.clear();
      references.clear();
      deliveries.clear();
    },
  };
}
