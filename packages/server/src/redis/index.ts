import type { Redis } from "ioredis";
import { type RateLimiter, rateLimitResult, windowStart } from "../api-keys/store/types";

export interface RedisRateLimiterOptions {
  /** Prefix of every key this limiter writes. Default `plugboard:ratelimit:`. */
  keyPrefix?: string;
}

/*
 * INCR and PEXPIRE in one script, so a counter can never be left without an expiry (a crash
 * between two commands would keep it forever). The window start is part of the key, so every
 * instance counts into the same key for the same window.
 */
const script = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;

/** The name the script is registered under on the host's connection; unlikely to collide. */
const command = "plugboardRateLimitHit";

type WithHit = Redis & {
  [command](key: string, ttlMs: string): Promise<number>;
};

/**
 * A rate limiter shared by every app instance that talks to the same Redis:
 * `createPlugboard({ apiKeys: { rateLimiter: redisRateLimiter(redis) } })`. The connection
 * stays yours to close. The script is registered with `defineCommand`, so each connection sends
 * its text once and then only its SHA1 (EVALSHA); after a `SCRIPT FLUSH` or a failover to a
 * replica that never saw it, ioredis answers the NOSCRIPT by sending it again.
 */
export function redisRateLimiter(redis: Redis, options: RedisRateLimiterOptions = {}): RateLimiter {
  const prefix = options.keyPrefix ?? "plugboard:ratelimit:";
  redis.defineCommand(command, { numberOfKeys: 1, lua: script });
  const client = redis as WithHit;
  return {
    async hit(bucket, limit, windowMs, now) {
      const start = windowStart(now, windowMs);
      // Expire a little after the window so a slow clock still finds its count.
      const count = await client[command](`${prefix}${bucket}:${start}`, String(windowMs + 1000));
      return rateLimitResult(Number(count), limit, start, windowMs);
    },
  };
}
