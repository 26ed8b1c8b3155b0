import {
  type ApiKeyEnvironment,
  type ApiKeyScope,
  type ApiKeyVerificationCode,
  createId,
  missingScopes,
  parseApiKey,
} from "@plugboard/core";
import type { Logger } from "../logger";
import { lookupHash } from "./lookup-hash";
import type { ResolvedApiKeysOptions } from "./options";
import { apiKeyStatus } from "./status";
import type {
  ApiKeyRecord,
  ApiKeyStore,
  ApiKeyUsageRecord,
  RateLimiter,
  RateLimitResult,
} from "./store/types";

/** What host code learns about the key that made a request. Frozen and shared: do not mutate. */
export interface VerifiedApiKey {
  readonly id: string;
  readonly name: string;
  readonly organizationId: string;
  readonly projectId: string | null;
  readonly createdBy: string;
  readonly env: ApiKeyEnvironment;
  readonly scopes: readonly ApiKeyScope[];
  readonly rateLimitPerMinute: number | null;
  /** Epoch ms. */
  readonly expiresAt: number | null;
}

export interface VerifyOptions {
  /** Every one must be covered by the key's scopes (wildcards count). */
  scopes?: readonly ApiKeyScope[];
  /** The project the request touches: a key limited to another project fails. */
  projectId?: string;
}

export type ApiKeyVerification =
  | { valid: true; code: "VALID"; key: VerifiedApiKey; rateLimit: RateLimitResult | null }
  | {
      valid: false;
      code: Exclude<ApiKeyVerificationCode, "VALID">;
      /** Safe to show the caller: never echoes the key. */
      detail: string;
      /** Set when the key was recognized (so its usage can be recorded). */
      key?: VerifiedApiKey;
      rateLimit?: RateLimitResult;
      missingScopes?: ApiKeyScope[];
    };

export type ApiKeyUsage = Omit<ApiKeyUsageRecord, "id">;

export interface ApiKeyService {
  readonly options: ResolvedApiKeysOptions;
  /** Checks a request's key (`Authorization: Bearer` or `X-Api-Key`) or a key string. */
  verify(
    input: Request | string | null | undefined,
    options?: VerifyOptions,
  ): Promise<ApiKeyVerification>;
  /** Drops a key from this instance's cache: revocation takes effect here at once. */
  forget(record: Pick<ApiKeyRecord, "lookupHash">): void;
  /** Stores a usage row in the background; a failure is logged, never thrown. */
  recordUsage(usage: ApiKeyUsage): void;
  /** Resolves once every usage write started so far has settled. */
  flushUsage(): Promise<void>;
  /** Deletes usage older than the retention period (the worker runs it hourly); how many rows went. */
  pruneUsage(): Promise<number>;
}

interface CachedKey {
  record: ApiKeyRecord;
  view: VerifiedApiKey;
  until: number;
}

const windowMs = 60_000;

/** The key from `Authorization: Bearer <key>` or `X-Api-Key: <key>`, or null. */
export function readPresentedKey(headers: Headers): string | null {
  const authorization = headers.get("authorization");
  if (authorization) {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    if (match) return match[1] as string;
  }
  return headers.get("x-api-key")?.trim() || null;
}

export function createApiKeyService(deps: {
  store: { apiKeys: ApiKeyStore; rateLimits: RateLimiter };
  logger: Logger;
  now: () => number;
  options: ResolvedApiKeysOptions;
}): ApiKeyService {
  const { store, logger, now, options } = deps;
  const limiter = options.rateLimiter ?? store.rateLimits;
  // Keyed by lookup hash, never by the key: the cache holds no secret worth stealing.
  const known = new Map<string, CachedKey>();
  // Hashes the store did not have. Safe to remember: a key's hash exists in the store before
  // anyone can know the key, so an unknown hash can only ever become known by a new key.
  const unknown = new Map<string, number>();
  // Usage writes run after the response; kept so shutdown and serverless hosts can await them.
  const pendingUsage = new Set<Promise<void>>();

  function remember<V>(map: Map<string, V>, hash: string, value: V): void {
    if (options.cacheTtlMs <= 0) return;
    map.delete(hash);
    if (map.size >= options.cacheMaxEntries) {
      const oldest = map.keys().next();
      if (!oldest.done) map.delete(oldest.value);
    }
    map.set(hash, value);
  }

  /** The store's answer for a hash the cache could not give, remembered either way. */
  async function load(hash: string, at: number): Promise<CachedKey | null> {
    const record = await store.apiKeys.findByHash(hash);
    if (!record) {
      known.delete(hash);
      remember(unknown, hash, at + options.cacheTtlMs);
      return null;
    }
    const entry = { record, view: toView(record), until: at + options.cacheTtlMs };
    remember(known, hash, entry);
    return entry;
  }

  return {
    options,

    async verify(input, verifyOptions = {}) {
      const presented =
        typeof input === "string" || input == null ? input : readPresentedKey(input.headers);
      if (!presented) {
        return {
          valid: false,
          code: "NOT_FOUND",
          detail: "Send an API key as Authorization: Bearer <key> or X-Api-Key",
        };
      }
      // Shape and checksum first: junk never costs a hash or a store lookup.
      if (!parseApiKey(presented, { prefix: options.prefix }).ok) {
        return { valid: false, code: "NOT_FOUND", detail: "That is not a valid API key" };
      }
      const at = now();
      const hashed = lookupHash(presented);
      const hash = typeof hashed === "string" ? hashed : await hashed;
      // Cache hits stay synchronous: no extra promise on the hot path.
      const cached = known.get(hash);
      const miss = cached && cached.until > at ? undefined : unknown.get(hash);
      const entry =
        cached && cached.until > at
          ? cached
          : miss !== undefined && miss > at
            ? null
            : await load(hash, at);
      if (!entry) return { valid: false, code: "NOT_FOUND", detail: "That is not a valid API key" };
      const { record, view } = entry;

      const status = apiKeyStatus(record, at);
      if (status === "revoked")
        return {
          valid: false,
          code: "REVOKED",
          detail: "This API key has been revoked",
          key: view,
        };
      if (status === "expired")
        return { valid: false, code: "EXPIRED", detail: "This API key has expired", key: view };
      if (status === "disabled")
        return { valid: false, code: "DISABLED", detail: "This API key is disabled", key: view };

      const missing = missingScopes(record.scopes, verifyOptions.scopes ?? []);
      if (missing.length > 0) {
        return {
          valid: false,
          code: "INSUFFICIENT_SCOPE",
          detail: `This API key lacks the scope${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
          key: view,
          missingScopes: missing,
        };
      }
      if (
        verifyOptions.projectId !== undefined &&
        record.projectId !== null &&
        record.projectId !== verifyOptions.projectId
      ) {
        return {
          valid: false,
          code: "INSUFFICIENT_SCOPE",
          detail: "This API key is limited to another project",
          key: view,
          missingScopes: [],
        };
      }

      if (record.rateLimitPerMinute === null)
        return { valid: true, code: "VALID", key: view, rateLimit: null };
      let rateLimit: RateLimitResult;
      try {
        rateLimit = await limiter.hit(
          `api-key:${record.id}`,
          record.rateLimitPerMinute,
          windowMs,
          at,
        );
      } catch (error) {
        // See `rateLimit.onError` for why allowing is the default.
        const deny = options.rateLimitOnError === "deny";
        logger.error(`API key rate limiter failed; request ${deny ? "refused" : "allowed"}`, {
          keyId: record.id,
          error: error instanceof Error ? error.message : String(error),
        });
        if (deny) {
          return {
            valid: false,
            code: "UNAVAILABLE",
            detail: "Rate limiting is unavailable right now; try again shortly",
            key: view,
          };
        }
        return { valid: true, code: "VALID", key: view, rateLimit: null };
      }
      if (!rateLimit.allowed) {
        return {
          valid: false,
          code: "RATE_LIMITED",
          detail: `This API key allows ${rateLimit.limit} requests per minute`,
          key: view,
          rateLimit,
        };
      }
      return { valid: true, code: "VALID", key: view, rateLimit };
    },

    forget(record) {
      known.delete(record.lookupHash);
    },

    recordUsage(usage) {
      const row = { id: createId("aku"), ...usage };
      const write = store.apiKeys
        .recordUsage([row])
        .catch((error: unknown) => {
          logger.error("Could not record API key usage", {
            keyId: usage.keyId,
            error: error instanceof Error ? error.message : String(error),
          });
        })
        .finally(() => pendingUsage.delete(write));
      pendingUsage.add(write);
    },

    async flushUsage() {
      while (pendingUsage.size > 0) await Promise.all(pendingUsage);
    },

    pruneUsage() {
      return store.apiKeys.pruneUsage(now() - options.usageRetentionMs);
    },
  };
}

function toView(record: ApiKeyRecord): VerifiedApiKey {
  return Object.freeze({
    id: record.id,
    name: record.name,
    organizationId: record.organizationId,
    projectId: record.projectId,
    createdBy: record.createdBy,
    env: record.env,
    scopes: Object.freeze([...record.scopes]),
    rateLimitPerMinute: record.rateLimitPerMinute,
    expiresAt: record.expiresAt,
  });
}
