import { PlugboardError } from "@plugboard/core";
import type { ApiKeyRecord, ApiKeyStore, ApiKeyUsageRecord } from "./types";

const copy = (record: ApiKeyRecord): ApiKeyRecord => ({ ...record, scopes: [...record.scopes] });

const newestFirst = (a: ApiKeyRecord, b: ApiKeyRecord) =>
  b.createdAt - a.createdAt || b.id.localeCompare(a.id);

/** Every method runs to completion without awaiting, so each one is atomic in this process. */
export function memoryApiKeys(): ApiKeyStore & { clear(): void } {
  const keys = new Map<string, ApiKeyRecord>();
  const byHash = new Map<string, string>();
  let usage: ApiKeyUsageRecord[] = [];

  const owned = (organizationId: string, id: string) => {
    const record = keys.get(id);
    return record && record.organizationId === organizationId ? record : undefined;
  };

  function insert(record: ApiKeyRecord): void {
    if (keys.has(record.id) || byHash.has(record.lookupHash)) {
      throw new PlugboardError({ code: "conflict", detail: "That API key already exists" });
    }
    keys.set(record.id, copy(record));
    byHash.set(record.lookupHash, record.id);
  }

  return {
    async list(organizationId, filter = {}) {
      return [...keys.values()]
        .filter(
          (record) =>
            record.organizationId === organizationId &&
            (filter.createdBy === undefined || record.createdBy === filter.createdBy),
        )
        .sort(newestFirst)
        .map(copy);
    },
    async get(organizationId, id) {
      const record = owned(organizationId, id);
      return record ? copy(record) : null;
    },
    async findByHash(lookupHash) {
      const id = byHash.get(lookupHash);
      const record = id === undefined ? undefined : keys.get(id);
      return record ? copy(record) : null;
    },
    async create(record) {
      insert(record);
    },
    async rotate(organizationId, oldId, next, revokeOldAt) {
      const old = owned(organizationId, oldId);
      if (!old || old.revokedAt !== null) return null;
      insert(next);
      old.revokedAt = revokeOldAt;
      old.updatedAt = next.createdAt;
      return copy(old);
    },
    async update(organizationId, id, changes) {
      const record = owned(organizationId, id);
      if (!record) return null;
      if (changes.name !== undefined) record.name = changes.name;
      if (changes.disabledAt !== undefined) record.disabledAt = changes.disabledAt;
      record.updatedAt = changes.updatedAt;
      return copy(record);
    },
    async revoke(organizationId, id, at) {
      const record = owned(organizationId, id);
      if (!record) return null;
      if (record.revokedAt === null || record.revokedAt > at) {
        record.revokedAt = at;
        record.updatedAt = at;
      }
      return copy(record);
    },
    async recordUsage(rows) {
      for (const row of rows) {
        usage.push({ ...row });
        const record = keys.get(row.keyId);
        if (!record) continue;
        record.usageCount += 1;
        record.lastUsedAt = Math.max(record.lastUsedAt ?? row.at, row.at);
      }
    },
    async listUsage(organizationId, keyId, from, to) {
      return usage
        .filter(
          (row) =>
            row.organizationId === organizationId &&
            row.keyId === keyId &&
            row.at >= from &&
            row.at < to,
        )
        .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
        .map((row) => ({ ...row }));
    },
    async pruneUsage(before) {
      const kept = usage.filter((row) => row.at >= before);
      const removed = usage.length - kept.length;
      usage = kept;
      return removed;
    },
    clear() {
      keys.clear();
      byHash.clear();
      usage = [];
    },
  };
}
