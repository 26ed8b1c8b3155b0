import { PlugboardError } from "@plugboard/core";
import { type InstallationRecord, type InstallationStore, installationPlace } from "./types";

const copy = (record: InstallationRecord): InstallationRecord => ({
  ...record,
  scopes: [...record.scopes],
});

export function memoryInstallations(): InstallationStore & { clear(): void } {
  const installations = new Map<string, InstallationRecord>();
  return {
    async list(organizationId) {
      return [...installations.values()]
        .filter((record) => record.organizationId === organizationId)
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
        .map(copy);
    },
    async get(organizationId, id) {
      const record = installations.get(id);
      return record && record.organizationId === organizationId ? copy(record) : null;
    },
    async findByAccount(provider, externalAccountId) {
      return [...installations.values()]
        .filter(
          (record) =>
            record.provider === provider &&
            (record.externalAccountId === externalAccountId ||
              record.externalEnterpriseId === externalAccountId),
        )
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
        .map(copy);
    },
    async create(record) {
      const place = installationPlace(record);
      for (const existing of installations.values()) {
        if (
          existing.organizationId === record.organizationId &&
          existing.provider === record.provider &&
          installationPlace(existing) === place
        ) {
          throw new PlugboardError({ code: "conflict", detail: "Already installed here" });
        }
      }
      installations.set(record.id, copy(record));
    },
    async delete(organizationId, id) {
      const record = installations.get(id);
      if (!record || record.organizationId !== organizationId) return false;
      return installations.delete(id);
    },
    async updateCredentials(organizationId, id, update, expectedSecret) {
      const record = installations.get(id);
      if (!record || record.organizationId !== organizationId) return false;
      if (expectedSecret !== undefined && record.secret !== expectedSecret) return false;
      // A field given as undefined means "leave it", as in the SQL store (a plain spread would
      // store undefined, and `copy` would then throw on `scopes`).
      const changes = Object.fromEntries(
        Object.entries(update).filter(([, value]) => value !== undefined),
      ) as Partial<InstallationRecord>;
      installations.set(id, copy({ ...record, ...changes }));
      return true;
    },
    clear() {
      installations.clear();
    },
  };
}
