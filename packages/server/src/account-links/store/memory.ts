import type { AccountLinkIntentRecord, AccountLinkRecord, AccountLinkStore } from "./types";

export function memoryAccountLinks(): AccountLinkStore & { clear(): void } {
  const links = new Map<string, AccountLinkRecord>();
  const intents = new Map<string, AccountLinkIntentRecord>();
  const sameUser = (a: AccountLinkRecord, b: AccountLinkRecord) =>
    a.organizationId === b.organizationId &&
    a.provider === b.provider &&
    a.externalUserId === b.externalUserId;
  return {
    async upsert(record) {
      const existing = [...links.values()].find((candidate) => sameUser(candidate, record));
      if (existing) links.delete(existing.id);
      links.set(record.id, { ...record });
      return { ...record };
    },
    async find(organizationId, provider, externalUserId) {
      const found = [...links.values()].find(
        (link) =>
          link.organizationId === organizationId &&
          link.provider === provider &&
          link.externalUserId === externalUserId,
      );
      return found ? { ...found } : null;
    },
    async list(organizationId, userId) {
      return [...links.values()]
        .filter((link) => link.organizationId === organizationId)
        .filter((link) => userId === undefined || link.userId === userId)
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
        .map((link) => ({ ...link }));
    },
    async get(organizationId, id) {
      const link = links.get(id);
      return link && link.organizationId === organizationId ? { ...link } : null;
    },
    async delete(organizationId, id) {
      const link = links.get(id);
      if (!link || link.organizationId !== organizationId) return false;
      return links.delete(id);
    },
    async createIntent(record) {
      intents.set(record.id, { ...record });
    },
    async consumeIntent(id) {
      const record = intents.get(id);
      if (!record) return null;
      intents.delete(id);
      return { ...record };
    },
    async peekIntent(id) {
      const record = intents.get(id);
      return record ? { ...record } : null;
    },
    async deleteExpiredIntents(now) {
      let removed = 0;
      for (const [id, record] of intents) {
        if (record.expiresAt < now) {
          intents.delete(id);
          removed += 1;
        }
      }
      return removed;
    },
    clear() {
      links.clear();
      intents.clear();
    },
  };
}
