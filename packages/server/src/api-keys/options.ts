import type { ApiKeyEnvironment } from "@plugboard/core";
import type { RateLimiter } from "./store/types";

export interface ApiKeysOptions {
  /** The key prefix, `sk` by default: 2–10 lowercase letters or digits (`sk_live_…`). */
  prefix?: string;
  /** Which kind of key this deployment issues. Default `live`. */
  environment?: ApiKeyEnvironment;
  /** Applied when a key is created without `rateLimitPerMinute`. Default 600; null for none. */
  defaultRateLimitPerMinute?: number | null;
  /**
   * How long a verified key is kept in this process, in ms. Default 10 000; 0 turns the cache
   * off. Revoking, rotating or disabling a key drops it from the cache of the instance that
   * did it at once; other instances notice within this bound.
   */
  cacheTtlMs?: number;
  /** Most keys (valid and unknown) the cache holds; oldest out first. Default 10 000. */
  cacheMaxEntries?: number;
  /**
   * Counts requests per key. Default: the store's own (atomic per store). Several app instances
   * on SQLite files of their own need a shared one: `redisRateLimiter` from
   * `@plugboard/server/redis`.
   */
  rateLimiter?: RateLimiter;
  rateLimit?: {
    /**
     * What a request gets when the rate limiter itself fails (Redis down, database busy).
     * `allow` (default): it goes through unlimited and the failure is logged, because a limiter
     * outage would otherwise take down every API route that needs a key, for every caller,
     * although each key was already verified. `deny`: it is refused with 503 `unavailable` and
     * `Retry-After`, for hosts where an unmetered burst costs more than an outage.
     */
    onError?: "allow" | "deny";
  };
  /** Usage rows older than this are pruned (hourly, by the worker). Default 30 days. */
  usageRetentionDays?: number;
  /** `own` (default): members create and manage their own keys; `none`: admins only. */
  memberAccess?: "own" | "none";
}

export interface ResolvedApiKeysOptions {
  prefix: string;
  environment: ApiKeyEnvironment;
  defaultRateLimitPerMinute: number | null;
  cacheTtlMs: number;
  cacheMaxEntries: number;
  rateLimiter: RateLimiter | undefined;
  rateLimitOnError: "allow" | "deny";
  usageRetentionMs: number;
  memberAccess: "own" | "none";
}

export function resolveApiKeysOptions(options: ApiKeysOptions = {}): ResolvedApiKeysOptions {
  return {
    prefix: options.prefix ?? "sk",
    environment: options.environment ?? "live",
    defaultRateLimitPerMinute:
      options.defaultRateLimitPerMinute === undefined ? 600 : options.defaultRateLimitPerMinute,
    cacheTtlMs: options.cacheTtlMs ?? 10_000,
    cacheMaxEntries: options.cacheMaxEntries ?? 10_000,
    rateLimiter: options.rateLimiter,
    rateLimitOnError: options.rateLimit?.onError ?? "allow",
    usageRetentionMs: (options.usageRetentionDays ?? 30) * 24 * 60 * 60 * 1000,
    memberAccess: options.memberAccess ?? "own",
  };
}
