import type { CatalogEntry, Identity, Installation, Integration } from "@plugboard/core";
import type { InstallationRecord } from "../store/types";

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
export function visibleTo(
  identity: Identity,
  record: Pick<InstallationRecord, "level" | "installedBy">,
): boolean {
  return record.level !== "user" || record.installedBy === identity.userId;
}

/** Admins remove any installation; members only the user-level ones they made themselves. */
export function mayUninstall(
  identity: Identity,
  record: Pick<InstallationRecord, "level" | "installedBy">,
): boolean {
  return (
    identity.role === "admin" || (record.level === "user" && record.installedBy === identity.userId)
  );
}

/**
 * Whether an install could work here: OAuth needs the host's app for that provider; webhook-based
 * integrations need nothing; importers have no install flow.
 */
export function installable(
  entry: CatalogEntry,
  oauthProviders: ReadonlyMap<string, unknown>,
  importerConfigured = false,
) {
  if (entry.auth === "oauth") return oauthProviders.has(entry.id);
  // The one importer (Jira) is offered once the host turned it on (`jiraImport`).
  if (entry.auth === "import") return importerConfigured;
  return entry.auth === "webhook";
}

export function presentIntegration(
  entry: CatalogEntry,
  records: InstallationRecord[],
  identity: Identity,
  available: boolean,
): Integration {
  const visible = records.filter(
    (record) => record.provider === entry.id && visibleTo(identity, record),
  );
  const admin = identity.role === "admin";
  return {
    ...entry,
    available,
    installed: visible.length > 0,
    installations: visible.map(presentInstallation),
    permissions: {
      install: available && (admin || entry.levels.includes("user")),
      // Uninstalling removes every installation the caller sees, so each must be theirs to remove.
      uninstall: visible.length > 0 && visible.every((record) => mayUninstall(identity, record)),
    },
  };
}
