import { PlugboardError } from "@plugboard/core";
import type { Kysely, Selectable } from "kysely";
import { fromJsonList, toJsonList } from "../../stores/sql/columns";
import type { SqlStoreOptions } from "../../stores/sql/options";
import type { Database } from "../../stores/sql/schema";
import type { InstallationsTable } from "./schema";
import { type InstallationRecord, type InstallationStore, installationPlace } from "./types";

export function sqlInstallations(
  db: Kysely<Database>,
  options: SqlStoreOptions,
): InstallationStore {
  return {
    async list(organizationId) {
      const rows = await db
        .selectFrom("plugboard_installations")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(toInstallation);
    },
    async get(organizationId, id) {
      const row = await db
        .selectFrom("plugboard_installations")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toInstallation(row) : null;
    },
    async findByAccount(provider, externalAccountId) {
      const rows = await db
        .selectFrom("plugboard_installations")
        .selectAll()
        .where("provider", "=", provider)
        .where((eb) =>
          eb.or([
            eb("external_account_id", "=", externalAccountId),
            eb("external_enterprise_id", "=", externalAccountId),
          ]),
        )
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(toInstallation);
    },
    async create(record) {
      try {
        await db
          .insertInto("plugboard_installations")
          .values({
            id: record.id,
            provider: record.provider,
            organization_id: record.organizationId,
            project_id: record.projectId,
            level: record.level,
            status: record.status,
            external_account_name: record.externalAccountName,
            external_account_id: record.externalAccountId,
            external_enterprise_id: record.externalEnterpriseId ?? null,
            scopes: toJsonList(record.scopes),
            installed_by: record.installedBy,
            secret: record.secret,
            place: installationPlace(record),
            created_at: record.createdAt,
            updated_at: record.updatedAt,
          })
          .execute();
      } catch (error) {
        if (options.isUniqueViolation(error)) {
          throw new PlugboardError({ code: "conflict", detail: "Already installed here" });
        }
        throw error;
      }
    },
    async delete(organizationId, id) {
      const result = await db
        .deleteFrom("plugboard_installations")
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async updateCredentials(organizationId, id, update, expectedSecret) {
      let query = db
        .updateTable("plugboard_installations")
        .set({
          secret: update.secret,
          updated_at: update.updatedAt,
          ...(update.scopes === undefined ? {} : { scopes: toJsonList(update.scopes) }),
          ...(update.externalAccountName === undefined
            ? {}
            : { external_account_name: update.externalAccountName }),
          ...(update.externalAccountId === undefined
            ? {}
            : { external_account_id: update.externalAccountId }),
          ...(update.externalEnterpriseId === undefined
            ? {}
            : { external_enterprise_id: update.externalEnterpriseId }),
          ...(update.status === undefined ? {} : { status: update.status }),
        })
        .where("organization_id", "=", organizationId)
        .where("id", "=", id);
      if (expectedSecret === null) query = query.where("secret", "is", null);
      else if (expectedSecret !== undefined) query = query.where("secret", "=", expectedSecret);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

function toInstallation(row: Selectable<InstallationsTable>): InstallationRecord {
  return {
    id: row.id,
    provider: row.provider,
    organizationId: row.organization_id,
    projectId: row.project_id,
    level: row.level as InstallationRecord["level"],
    status: row.status as InstallationRecord["status"],
    externalAccountName: row.external_account_name,
    externalAccountId: row.external_account_id,
    // Only Slack Enterprise Grid installs have one: absent otherwise, as in records built in code.
    ...(row.external_enterprise_id === null
      ? {}
      : { externalEnterpriseId: row.external_enterprise_id }),
    scopes: fromJsonList(row.scopes),
    installedBy: row.installed_by,
    secret: row.secret,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
