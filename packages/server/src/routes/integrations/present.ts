import type { CatalogEntry, Identity, Installation, Integration } from "@plugboard/core";
import type { InstallationRecord } from "../../stores/types";

export function presentInstallation(record: InstallationRecord): Installation {
  return {
    id: record.id,
    provider: record.provider,
    organizationId: record.organizationId,
    projectId: record.projectId,
    level: record.level,
    status: record.status,
    externalAccountName: record.externalAccountName,
    scopes: record.scopes,
    installedBy: record.installedBy,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
  };
}

/** User-level installations are private to the user who made them. */
function visibleTo(identity: Identity, record: InstallationRecord): boolean {
  return record.level !== "user" || record.installedBy === identity.userId;
}

export function presentIntegration(
  entry: CatalogEntry,
  records: InstallationRecord[],
  identity: Identity,
): Integration {
  const installations = records
    .filter((record) => record.provider === entry.id && visibleTo(identity, record))
    .map(presentInstallation);
  const admin = identity.role === "admin";
  return {
    ...entry,
    installed: installations.length > 0,
    installations,
    permissions: { install: admin || entry.levels.includes("user"), uninstall: admin },
  };
}
