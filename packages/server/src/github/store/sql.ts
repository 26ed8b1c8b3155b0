import { PlugboardError } from "@plugboard/core";
import type { Kysely, Selectable } from "kysely";
import type { SqlStoreOptions } from "../../stores/sql/options";
import type { Database } from "../../stores/sql/schema";
import type { GitHubLinksTable, GitHubReferencesTable } from "./schema";
import type { GitHubReferenceRecord, GitHubStore, RepositoryLinkRecord } from "./types";

export function sqlGitHub(db: Kysely<Database>, options: SqlStoreOptions): GitHubStore {
  return {
    async createLink(record) {
      try {
        await db
          .insertInto("plugboard_github_links")
          .values({
            id: record.id,
            organization_id: record.organizationId,
            project_id: record.projectId,
            installation_id: record.installationId,
            repository_id: record.repositoryId,
            repository_full_name: record.repositoryFullName,
            linked_by: record.linkedBy,
            created_at: record.createdAt,
          })
          .execute();
      } catch (error) {
        if (options.isUniqueViolation(error)) {
          throw new PlugboardError({
            code: "conflict",
            detail: `${record.repositoryFullName} is already linked to this project`,
          });
        }
        throw error;
      }
    },
    async listLinks(organizationId, projectId) {
      let query = db
        .selectFrom("plugboard_github_links")
        .selectAll()
        .where("organization_id", "=", organizationId);
      if (projectId !== undefined) query = query.where("project_id", "=", projectId);
      const rows = await query.orderBy("created_at").orderBy("id").execute();
      return rows.map(toLink);
    },
    async linksForRepository(repositoryId) {
      const rows = await db
        .selectFrom("plugboard_github_links")
        .selectAll()
        .where("repository_id", "=", repositoryId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(toLink);
    },
    async deleteLink(organizationId, id) {
      const result = await db
        .deleteFrom("plugboard_github_links")
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async deleteLinksOfInstallation(organizationId, installationId) {
      const result = await db
        .deleteFrom("plugboard_github_links")
        .where("organization_id", "=", organizationId)
        .where("installation_id", "=", installationId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async upsertReference(record) {
      const inserted = await db
        .insertInto("plugboard_github_references")
        .values({
          id: record.id,
          organization_id: record.organizationId,
          project_id: record.projectId,
          issue_key: record.issueKey,
          kind: record.kind,
          repository_full_name: record.repositoryFullName,
          external_id: record.externalId,
          label: record.label,
          title: record.title,
          url: record.url,
          state: record.state,
          author: record.author,
          created_at: record.createdAt,
          updated_at: record.updatedAt,
        })
        .onConflict((conflict) =>
          conflict
            .columns([
              "organization_id",
              "project_id",
              "kind",
              "repository_full_name",
              "external_id",
              "issue_key",
            ])
            .doUpdateSet({
              title: record.title,
              state: record.state,
              author: record.author,
              label: record.label,
              url: record.url,
              updated_at: record.updatedAt,
            }),
        )
        .returning("id")
        .executeTakeFirstOrThrow();
      // The row keeps its first id on update, so a different id means it was already there.
      return { created: inserted.id === record.id, id: inserted.id };
    },
    async listReferences(organizationId, projectId, limit) {
      const rows = await db
        .selectFrom("plugboard_github_references")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("project_id", "=", projectId)
        .orderBy("updated_at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
      return rows.map(toReference);
    },
    async recordDelivery(deliveryId, receivedAt) {
      const inserted = await db
        .insertInto("plugboard_github_deliveries")
        .values({ delivery_id: deliveryId, received_at: receivedAt })
        .onConflict((conflict) => conflict.column("delivery_id").doNothing())
        .returning("delivery_id")
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async forgetDelivery(deliveryId) {
      await db
        .deleteFrom("plugboard_github_deliveries")
        .where("delivery_id", "=", deliveryId)
        .execute();
    },
    async pruneDeliveries(before) {
      const result = await db
        .deleteFrom("plugboard_github_deliveries")
        .where("received_at", "<", before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toLink(row: Selectable<GitHubLinksTable>): RepositoryLinkRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    projectId: row.project_id,
    installationId: row.installation_id,
    repositoryId: Number(row.repository_id),
    repositoryFullName: row.repository_full_name,
    linkedBy: row.linked_by,
    createdAt: Number(row.created_at),
  };
}

function toReference(row: Selectable<GitHubReferencesTable>): GitHubReferenceRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    projectId: row.project_id,
    issueKey: row.issue_key,
    kind: row.kind as GitHubReferenceRecord["kind"],
    repositoryFullName: row.repository_full_name,
    externalId: row.external_id,
    label: row.label,
    title: row.title,
    url: row.url,
    state: row.state as GitHubReferenceRecord["state"],
    author: row.author,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
