import type { ApiKeyEnvironment, ApiKeyScope } from "@plugboard/core";

/**
 * An API key as stored. Times are epoch milliseconds. The key itself is never stored: only
 * `lookupHash`, the hex SHA-256 the verifier finds it by.
 */
export interface ApiKeyRecord {
  id: string;
  organizationId: string;
  projectId: string | null;
  createdBy: string;
  name: string;
  env: ApiKeyEnvironment;
  displayPrefix: string;
  lookupHash: string;
  scopes: ApiKeyScope[];
  rateLimitPerMinute: number | null;
  expiresAt: number | null;
  /** May lie in the future: a rotated key keeps working until then. */
  revokedAt: number | null;
  disabledAt: number | null;
  rotatedFromId: string | null;
  lastUsedAt: number | null;
  usageCount: number;
  createdAt: number;
  updatedAt: number;
}

/** One request made with a key, as the guard saw it. */
export interface ApiKeyUsageRecord {
  id: string;
  keyId: string;
  organizationId: string;
  at: number;
  method: string;
  path: string;
  status: number;
  latencyMs: number;
  userAgent: string | null;
  ip: string | null;
}

export interface ApiKeyChanges {
  name?: string;
  disabledAt?: number | null;
  updatedAt: number;
}

export interface ApiKeyStore {
  /** Newest first; `createdBy` narrows to one user's keys. */
  list(organizationId: string, filter?: { createdBy?: string }): Promise<ApiKeyRecord[]>;
  get(organizationId: string, id: string): Promise<ApiKeyRecord | null>;
  /** The verifier's lookup: by hash alone, across organizations (the key names no organization). */
  findByHash(lookupHash: string): Promise<ApiKeyRecord | null>;
  /** Throws a `conflict` PlugboardError if the id or hash exists. */
  create(record: ApiKeyRecord): Promise<void>;
  /**
   * In one transaction: stores `next` and sets the old key's `revokedAt` to `revokeOldAt`. A
   * compare-and-set on `revokedAt` being null: a key that was already rotated (its grace period
   * running) or revoked is left alone, so of two concurrent rotations exactly one wins. Null,
   * with nothing written, when the old key does not exist in the organization or has a
   * `revokedAt` already.
   */
  rotate(
    organizationId: string,
    oldId: string,
    next: ApiKeyRecord,
    revokeOldAt: number,
  ): Promise<ApiKeyRecord | null>;
  update(organizationId: string, id: string, changes: ApiKeyChanges): Promise<ApiKeyRecord | null>;
  /** Sets `revokedAt` to `at` unless it is already earlier; the updated key, or null if absent. */
  revoke(organizationId: string, id: string, at: number): Promise<ApiKeyRecord | null>;
  /** Appends usage rows and bumps each key's `usageCount` and `lastUsedAt`, atomically. */
  recordUsage(rows: ApiKeyUsageRecord[]): Promise<void>;
  /** One key's usage with `from <= at < to`, oldest first. */
  listUsage(
    organizationId: string,
    keyId: string,
    from: number,
    to: number,
  ): Promise<ApiKeyUsageRecord[]>;
  /** Deletes usage rows older than `before`; how many went. */
  pruneUsage(before: number): Promise<number>;
}

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  /** Requests left in this window after this one. */
  remaining: number;
  /** Epoch ms when the window ends and the count starts over. */
  resetAt: number;
}

/**
 * Fixed-window counters. `hit` counts one request and says whether it fits, in one atomic step,
 * so concurrent callers never let more than `limit` through a window. Windows are aligned to
 * multiples of `windowMs`, so every instance agrees where one ends.
 */
export interface RateLimiter {
  hit(bucket: string, limit: number, windowMs: number, now: number): Promise<RateLimitResult>;
}

export function windowStart(now: number, windowMs: number): number {
  return now - (now % windowMs);
}

export function rateLimitResult(
  count: number,
  limit: number,
  start: number,
  windowMs: number,
): RateLimitResult {
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetAt: start + windowMs,
  };
}
