import type { ApiKey } from "@plugboard/core";
import { apiKeyStatus } from "../status";
import type { ApiKeyRecord } from "../store/types";

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** The wire view: no hash, no secret. */
export function presentApiKey(record: ApiKeyRecord, now: number): ApiKey {
  return {
    id: record.id,
    name: record.name,
    organizationId: record.organizationId,
    projectId: record.projectId,
    createdBy: record.createdBy,
    env: record.env,
    displayPrefix: record.displayPrefix,
    scopes: record.scopes,
    rateLimitPerMinute: record.rateLimitPerMinute,
    expiresAt: isoOrNull(record.expiresAt),
    revokedAt: isoOrNull(record.revokedAt),
    enabled: record.disabledAt === null,
    status: apiKeyStatus(record, now),
    rotatedFromId: record.rotatedFromId,
    lastUsedAt: isoOrNull(record.lastUsedAt),
    usageCount: record.usageCount,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
  };
}
