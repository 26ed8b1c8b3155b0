import { type ApiKeyScope, PlugboardError } from "@plugboard/core";
import { type Kysely, type Selectable, sql } from "kysely";
import { fromJsonList, numberOrNull, toJsonList } from "../../stores/sql/columns";
import type { SqlStoreOptions } from "../../stores/sql/options";
import type { Database } from "../../stores/sql/schema";
import type { ApiKeysTable, ApiKeyUsageTable } from "./schema";
import type { ApiKeyRecord, ApiKeyStore, ApiKeyUsageRecord } from "./types";

export function sqlApiKeys(db: Kysely<Database>, options: SqlStoreOptions): ApiKeyStore {
  const conflict = (error: unknown) =>
    options.isUniqueViolation(error)
      ? new PlugboardError({ code: "conflict", detail: "That API key already exists" })
      : error;

  return {
    async list(organizationId, filter = {}) {
      let query = db
        .selectFrom("plugboard_api_keys")
        .selectAll()
        .where("organization_id", "=", organizationId);
      if (filter.createdBy !== undefined) query = query.where("created_by", "=", filter.createdBy);
      const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").execute();
      return rows.map(toApiKey);
    },
    async get(organizationId, id) {
      const row = await db
        .selectFrom("plugboard_api_keys")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toApiKey(row) : null;
    },
    async findByHash(lookupHash) {
      const row = await db
        .selectFrom("plugboard_api_keys")
        .selectAll()
        .where("lookup_hash", "=", lookupHash)
        .executeTakeFirst();
      return row ? toApiKey(row) : null;
    },
    async create(record) {
      try {
        await db.insertInto("plugboard_api_keys").values(toRow(record)).execute();
      } catch (error) {
        throw conflict(error);
      }
    },
    async rotate(organizationId, oldId, next, revokeOldAt) {
      try {
        return await db.transaction().execute(async (trx) => {
          const old = await trx
            .updateTable("plugboard_api_keys")
            .set({ revoked_at: revokeOldAt, updated_at: next.createdAt })
            .where("organization_id", "=", organizationId)
            .where("id", "=", oldId)
            // The compare-and-set: PostgreSQL re-checks it after waiting on a concurrent
            // rotation's row lock, so the second one matches nothing.
            .where("revoked_at", "is", null)
            .returningAll()
            .executeTakeFirst();
          if (!old) return null;
          await trx.insertInto("plugboard_api_keys").values(toRow(next)).execute();
          return toApiKey(old);
        });
      } catch (error) {
        throw conflict(error);
      }
    },
    async update(organizationId, id, changes) {
      const row = await db
        .updateTable("plugboard_api_keys")
        .set({
          ...(changes.name === undefined ? {} : { name: changes.name }),
          ...(changes.disabledAt === undefined ? {} : { disabled_at: changes.disabledAt }),
          updated_at: changes.updatedAt,
        })
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      return row ? toApiKey(row) : null;
    },
    async revoke(organizationId, id, at) {
      await db
        .updateTable("plugboard_api_keys")
        .set({ revoked_at: at, updated_at: at })
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .where((eb) => eb.or([eb("revoked_at", "is", null), eb("revoked_at", ">", at)]))
        .execute();
      return this.get(organizationId, id);
    },
    async recordUsage(rows) {
      if (rows.length === 0) return;
      const perKey = new Map<string, { count: number; last: number }>();
      for (const row of rows) {
        const seen = perKey.get(row.keyId);
        perKey.set(row.keyId, {
          count: (seen?.count ?? 0) + 1,
          last: Math.max(seen?.last ?? row.at, row.at),
        });
      }
      await db.transaction().execute(async (trx) => {
        await trx.insertInto("plugboard_api_key_usage").values(rows.map(toUsageRow)).execute();
        for (const [keyId, { count, last }] of perKey) {
          await trx
            .updateTable("plugboard_api_keys")
            .set({
              usage_count: sql<number>`usage_count + ${count}`,
              last_used_at: sql<number>`case when last_used_at is null or last_used_at < cast(${last} as bigint) then cast(${last} as bigint) else last_used_at end`,
            })
            .where("id", "=", keyId)
            .execute();
        }
      });
    },
    async listUsage(organizationId, keyId, from, to) {
      const rows = await db
        .selectFrom("plugboard_api_key_usage")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("key_id", "=", keyId)
        .where("at", ">=", from)
        .where("at", "<", to)
        .orderBy("at")
        .orderBy("id")
        .execute();
      return rows.map(toUsage);
    },
    async pruneUsage(before) {
      const result = await db
        .deleteFrom("plugboard_api_key_usage")
        .where("at", "<", before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toRow(record: ApiKeyRecord): ApiKeysTable {
  return {
    id: record.id,
    organization_id: record.organizationId,
    project_id: record.projectId,
    created_by: record.createdBy,
    name: record.name,
    env: record.env,
    display_prefix: record.displayPrefix,
    lookup_hash: record.lookupHash,
    scopes: toJsonList(record.scopes),
    rate_limit_per_minute: record.rateLimitPerMinute,
    expires_at: record.expiresAt,
    revoked_at: record.revokedAt,
    disabled_at: record.disabledAt,
    rotated_from_id: record.rotatedFromId,
    last_used_at: record.lastUsedAt,
    usage_count: record.usageCount,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}

function toApiKey(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    projectId: row.project_id,
    createdBy: row.created_by,
    name: row.name,
    env: row.env as ApiKeyRecord["env"],
    displayPrefix: row.display_prefix,
    lookupHash: row.lookup_hash,
    scopes: fromJsonList<ApiKeyScope>(row.scopes),
    rateLimitPerMinute: row.rate_limit_per_minute,
    expiresAt: numberOrNull(row.expires_at),
    revokedAt: numberOrNull(row.revoked_at),
    disabledAt: numberOrNull(row.disabled_at),
    rotatedFromId: row.rotated_from_id,
    lastUsedAt: numberOrNull(row.last_used_at),
    usageCount: Number(row.usage_count),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function toUsageRow(row: ApiKeyUsageRecord): ApiKeyUsageTable {
  return {
    id: row.id,
    key_id: row.keyId,
    organization_id: row.organizationId,
    at: row.at,
    method: row.method,
    path: row.path,
    status: row.status,
    latency_ms: row.latencyMs,
    user_agent: row.userAgent,
    ip: row.ip,
  };
}

function toUsage(row: Selectable<ApiKeyUsageTable>): ApiKeyUsageRecord {
  return {
    id: row.id,
    keyId: row.key_id,
    organizationId: row.organization_id,
    at: Number(row.at),
    method: row.method,
    path: row.path,
    status: Number(row.status),
    latencyMs: Number(row.latency_ms),
    userAgent: row.user_agent,
    ip: row.ip,
  };
}
