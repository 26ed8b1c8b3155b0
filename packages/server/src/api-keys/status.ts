import type { ApiKeyStatus } from "@plugboard/core";
import type { ApiKeyRecord } from "./store/types";

/** Revocation outranks expiry, which outranks being switched off. */
export function apiKeyStatus(record: ApiKeyRecord, now: number): ApiKeyStatus {
  if (record.revokedAt !== null && record.revokedAt <= now) return "revoked";
  if (record.expiresAt !== null && record.expiresAt <= now) return "expired";
  if (record.disabledAt !== null) return "disabled";
  return "active";
}
