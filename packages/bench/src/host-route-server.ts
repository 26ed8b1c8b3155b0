/**
 * One variant of a host's API route, in its own process so that its peak RSS is its own and the
 * load generator (in the parent) does not share its event loop. argv: variant, backend, and the
 * JSON `HostRouteConfig`. Sends `{ port, secret }` when listening; answers "cpu" with a
 * `CpuSample`, and "stats" with `HostRouteStats` once every usage write has settled.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createdApiKeySchema } from "@plugboard/core";
import { createPlugboard, generateEncryptionKey, type Plugboard } from "@plugboard/server";
import { apiKeyMiddleware } from "@plugboard/server/node";
import { postgresStore } from "@plugboard/server/postgres";
import { redisRateLimiter } from "@plugboard/server/redis";
import { sqliteStore } from "@plugboard/server/sqlite";
import Database from "better-sqlite3";
import express, { type RequestHandler } from "express";
import { Redis } from "ioredis";
import pg from "pg";
import type { CpuSample, HostRouteConfig, HostRouteStats, Variant } from "./host-route-config";

const [variant, config] = [process.argv[2] as Variant, JSON.parse(process.argv[3] ?? "{}")] as [
  Variant,
  HostRouteConfig,
];

const limitPerMinute = 100_000;
const issue = { id: "iss_1", key: "PLUG-1", title: "Route under load", status: "open" };
let served = 0;

interface Guard {
  middleware: RequestHandler;
  secret: string;
  /** Usage rows written for this process's requests, once every write has settled. */
  usageRows(): Promise<number>;
}

async function plugboardGuard(): Promise<Guard> {
  const redis = config.backend === "postgres" ? new Redis(config.redisUrl) : undefined;
  const store =
    config.backend === "postgres"
      ? await postgresStore(config.postgresUrl, { maxConnections: 4 })
      : await sqliteStore(join(config.directory, "plugboard.db"));
  const plugboard: Plugboard = createPlugboard({
    store,
    authenticate: () => ({ userId: "usr_bench", organizationId: "org_bench", role: "admin" }),
    encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
    apiKeys: redis
      ? { rateLimiter: redisRateLimiter(redis, { keyPrefix: `${config.redisPrefix}pb:` }) }
      : {},
  });
  const response = await plugboard.handler(
    new Request("http://bench.local/api/plugboard/api-keys", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: "load",
        scopes: ["issues:read"],
        rateLimitPerMinute: limitPerMinute,
      }),
    }),
  );
  const created = createdApiKeySchema.parse(await response.json());
  return {
    middleware: apiKeyMiddleware(plugboard, { scopes: ["issues:read"] }) as RequestHandler,
    secret: created.secret,
    async usageRows() {
      await plugboard.apiKeys.flushUsage();
      const key = await store.apiKeys.get("org_bench", created.apiKey.id);
      return key?.usageCount ?? 0;
    },
  };
}

/** The by-hand floor: what a host writes itself with the same storage. */
interface HandStorage {
  /** The request count of `bucket` in the window starting at `start`, after this request. */
  hit(bucket: string, start: number): number | Promise<number>;
  recordUsage(row: unknown[]): void;
  usageRows(): Promise<number>;
}

function sqliteHand(): HandStorage {
  const db = new Database(join(config.directory, "by-hand.db"));
  db.pragma("journal_mode = WAL");
  db.exec(`create table rate_limits (bucket text primary key, window_start integer, count integer);
    create table usage (id text, key_id text, at integer, method text, path text, status integer,
      latency_ms real, user_agent text, ip text)`);
  const upsert = db.prepare(`insert into rate_limits values (?, ?, 1) on conflict (bucket) do
    update set count = case when window_start = excluded.window_start then count + 1 else 1 end,
    window_start = excluded.window_start returning count`);
  const insert = db.prepare("insert into usage values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  return {
    hit: (bucket, start) => (upsert.get(bucket, start) as { count: number }).count,
    recordUsage: (row) => insert.run(...row),
    usageRows: async () => (db.prepare("select count(*) as n from usage").get() as { n: number }).n,
  };
}

async function postgresHand(): Promise<HandStorage> {
  const pool = new pg.Pool({ connectionString: config.postgresUrl, max: 4 });
  const redis = new Redis(config.redisUrl);
  await pool.query(`create table by_hand_usage (id text, key_id text, at bigint, method text,
    path text, status integer, latency_ms double precision, user_agent text, ip text)`);
  const pending = new Set<Promise<unknown>>();
  return {
    hit: async (bucket, start) => {
      const [[, count]] = (await redis
        .multi()
        .incr(`${config.redisPrefix}hand:${bucket}:${start}`)
        .pexpire(`${config.redisPrefix}hand:${bucket}:${start}`, 61_000)
        .exec()) as [[null, number]];
      return count;
    },
    recordUsage: (row) => {
      const write = pool
        .query("insert into by_hand_usage values ($1, $2, $3, $4, $5, $6, $7, $8, $9)", row)
        .finally(() => pending.delete(write));
      pending.add(write);
    },
    usageRows: async () => {
      while (pending.size > 0) await Promise.all(pending);
      const { rows } = await pool.query("select count(*)::int as n from by_hand_usage");
      return rows[0].n;
    },
  };
}

async function byHandGuard(): Promise<Guard> {
  const storage = config.backend === "postgres" ? await postgresHand() : sqliteHand();
  const secret = `sk_live_${createHash("sha256").update(String(Math.random())).digest("hex")}`;
  const stored = createHash("sha256").update(secret).digest();
  const keys = new Map([[stored.toString("hex"), { id: "key_1", hash: stored }]]);
  let rowId = 0;
  const middleware: RequestHandler = async (req, res, next) => {
    const started = performance.now();
    const authorization = req.headers.authorization;
    const presented = authorization?.startsWith("Bearer ") ? authorization.slice(7) : "";
    const hash = createHash("sha256").update(presented).digest();
    const key = keys.get(hash.toString("hex"));
    if (!key || !timingSafeEqual(hash, key.hash)) {
      res.status(401).end();
      return;
    }
    const now = Date.now();
    const count = await storage.hit(key.id, now - (now % 60_000));
    if (count > limitPerMinute) {
      res.status(429).end();
      return;
    }
    res.once("finish", () => {
      storage.recordUsage([
        `aku_${++rowId}`,
        key.id,
        Date.now(),
        req.method,
        req.path,
        res.statusCode,
        performance.now() - started,
        req.headers["user-agent"] ?? null,
        req.ip ?? null,
      ]);
    });
    next();
  };
  return { middleware, secret, usageRows: storage.usageRows };
}

const guard: Guard | undefined =
  variant === "plugboard"
    ? await plugboardGuard()
    : variant === "by-hand"
      ? await byHandGuard()
      : undefined;

const app = express();
const countServed = () => {
  served += 1;
};
// Counted when the response is finished, as usage is: a request cut off by the end of a load
// round has no usage row and is not counted either.
const route: RequestHandler = (_req, res) => {
  res.once("finish", countServed);
  res.json(issue);
};
if (guard) app.get("/issues", guard.middleware, route);
else app.get("/issues", route);
const server = app.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ port, secret: guard?.secret ?? "" });
});

process.on("message", async (request) => {
  if (request === "cpu") {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system, served } satisfies CpuSample);
    return;
  }
  const stats: HostRouteStats = {
    served,
    usageRows: guard ? await guard.usageRows() : null,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
  process.send?.(stats);
});
