import type { InstallationLevel, InstallationStatus } from "@plugboard/core";

/** An installation as stored. Times are epoch milliseconds; `secret` is keyring ciphertext. */
export interface InstallationRecord {
  id: string;
  provider: string;
  organizationId: string;
  projectId: string | null;
  level: InstallationLevel;
  status: InstallationStatus;
  externalAccountName: string | null;
  /**
   * The provider's stable id of that account (GitHub account id, Slack team or enterprise id,
   * Google subject): inbound provider traffic finds the installation by it.
   */
  externalAccountId: string | null;
  /**
   * Slack Enterprise Grid: the enterprise (org) the workspace belongs to, beside its team id in
   * `externalAccountId`. Inbound traffic naming either finds the installation. Absent when none.
   */
  externalEnterpriseId?: string | null;
  scopes: string[];
  installedBy: string;
  /** Encrypted (see crypto/keyring): tokens or an incoming-webhook URL. Never sent to clients. */
  secret: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface InstallationStore {
  /** Every installation of the organization, oldest first. */
  list(organizationId: string): Promise<InstallationRecord[]>;
  get(organizationId: string, id: string): Promise<InstallationRecord | null>;
  /**
   * Throws a `conflict` PlugboardError when the provider is already installed at the same place
   * (same organization, provider, level, and project or user).
   */
  create(record: InstallationRecord): Promise<void>;
  /**
   * Every installation of the provider for that provider account (its `externalAccountId` or
   * `externalEnterpriseId`), across organizations (one Slack workspace can be connected to
   * several), oldest first.
   */
  findByAccount(provider: string, externalAccountId: string): Promise<InstallationRecord[]>;
  /** Whether a row was deleted. */
  delete(organizationId: string, id: string): Promise<boolean>;
  /**
   * Replaces the credentials (and what came with them) of one installation. With
   * `expectedSecret`, only when the stored secret is still that one (compare-and-set, so two
   * processes refreshing a token at once cannot overwrite each other). Whether a row changed.
   */
  updateCredentials(
    organizationId: string,
    id: string,
    update: InstallationCredentialsUpdate,
    expectedSecret?: string | null,
  ): Promise<boolean>;
}

export interface InstallationCredentialsUpdate {
  secret: string | null;
  updatedAt: number;
  scopes?: string[];
  externalAccountName?: string | null;
  externalAccountId?: string | null;
  externalEnterpriseId?: string | null;
  status?: InstallationRecord["status"];
}

/**
 * Where an installation applies, as one comparable key: the project for project-level installs,
 * the installing user for user-level ones, nothing for organization-wide ones.
 */
export function installationPlace(record: InstallationRecord): string {
  if (record.level === "project") return `project:${record.projectId ?? ""}`;
  if (record.level === "user") return `user:${record.installedBy}`;
  return "organization";
}
