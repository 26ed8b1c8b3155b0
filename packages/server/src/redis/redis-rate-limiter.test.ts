import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateEncryptionKey } from "../crypto/keyring";
import { createPlugboard } from "../plugboard";
import { memoryStore } from "../stores/memory/memory-store";
import { redisRateLimiter } from "./index";

const url = process.env.PLUGBOARD_TEST_REDIS_URL;
const skipped = "SKIPPED: set PLUGBOARD_TEST_REDIS_URL to run the Redis rate limiter tests";

if (!url) {
  console.warn(
    [
      "",
      "!".repeat(78),
      "!! redisRateLimiter tests were NOT run: PLUGBOARD_TEST_REDIS_URL is not set.",
      "!!   PLUGBOARD_TEST_REDIS_URL=redis://127.0.0.1:6379 npx vitest run src/redis",
      "!".repeat(78),
      "",
    ].join("\n"),
  );
  describe.skip(`redisRateLimiter — ${skipped}`, () => {
    it.skip(skipped, () => {});
  });
} else {
  describeRedis(url);
}

function describeRedis(url: string): void {
  const clients: Redis[] = [];
  // A prefix per run, so parallel runs never count into each other's windows.
  const keyPrefix = `plugboard-test:${randomBytes(6).toString("hex")}:`;

  beforeAll(() => {
    for (let i = 0; i < 3; i++) clients.push(new Redis(url, { lazyConnect: false }));
  });

  const owned: Redis[] = [];
  const own = (client: Redis) => {
    owned.push(client);
    return client;
  };

  afterAll(async () => {
    await Promise.all(owned.map((client) => client.quit()));
    const [first] = clients;
    if (first) {
      const keys = await first.keys(`${keyPrefix}*`);
      if (keys.length > 0) await first.del(...keys);
    }
    await Promise.all(clients.map((client) => client.quit()));
  });

  describe("redisRateLimiter", () => {
    it("lets exactly the limit through when three connections hit one window at once", async () => {
      const limiters = clients.map((client) => redisRateLimiter(client, { keyPrefix }));
      const now = Date.now();
      const results = await Promise.all(
        Array.from({ length: 90 }, (_, i) =>
          (limiters[i % 3] as (typeof limiters)[number]).hit("api-key:key_a", 20, 60_000, now),
        ),
      );
      expect(results.filter((result) => result.allowed)).toHaveLength(20);
      expect(results.map((result) => result.remaining).sort((a, b) => a - b)[0]).toBe(0);
      const start = now - (now % 60_000);
      expect(new Set(results.map((result) => result.resetAt))).toEqual(new Set([start + 60_000]));
    });

    it("counts each window apart and never leaves a counter without an expiry", async () => {
      const limiter = redisRateLimiter(clients[0] as Redis, { keyPrefix });
      const now = 1_764_000_000_000;
      const start = now - (now % 60_000);
      expect((await limiter.hit("api-key:key_b", 2, 60_000, now)).remaining).toBe(1);
      expect((await limiter.hit("api-key:key_b", 2, 60_000, now + 60_000)).remaining).toBe(1);
      const ttl = await (clients[0] as Redis).pttl(`${keyPrefix}api-key:key_b:${start}`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(61_000);
    });

    it("sends the script once per connection, then only its SHA1 (EVALSHA)", async () => {
      // A fresh connection: it has not loaded the script yet.
      const client = own(new Redis(url));
      await client.ping();
      const sent = spyOnScripts(client);
      const limiter = redisRateLimiter(client, { keyPrefix });
      const now = Date.now();
      for (let i = 0; i < 4; i++) await limiter.hit("api-key:key_c", 10, 60_000, now);
      expect(sent().map((entry) => entry.name)).toEqual(["eval", "evalsha", "evalsha", "evalsha"]);
      expect(
        sent()
          .slice(1)
          .every((entry) => !String(entry.args[0]).includes("INCR")),
      ).toBe(true);
    });

    it("keeps counting in the same window after SCRIPT FLUSH empties Redis's script cache", async () => {
      const client = own(new Redis(url));
      const limiter = redisRateLimiter(client, { keyPrefix });
      const now = Date.now();
      expect((await limiter.hit("api-key:key_d", 3, 60_000, now)).remaining).toBe(2);
      expect((await limiter.hit("api-key:key_d", 3, 60_000, now)).remaining).toBe(1);
      await client.script("FLUSH");
      const sent = spyOnScripts(client);
      const third = await limiter.hit("api-key:key_d", 3, 60_000, now);
      expect(third).toMatchObject({ allowed: true, remaining: 0 });
      // The EVALSHA met NOSCRIPT and ioredis sent the script again; the count went up once.
      expect(sent().map((entry) => entry.name)).toEqual(["evalsha", "eval"]);
      expect(String(sent()[1]?.args[0])).toContain("INCR");
      expect((await limiter.hit("api-key:key_d", 3, 60_000, now)).allowed).toBe(false);
    });

    it("shares one key's limit across app instances with stores of their own", async () => {
      const store = memoryStore();
      const instances = clients.map((client) =>
        createPlugboard({
          store,
          authenticate: () => ({ userId: "usr_ada", organizationId: "org_acme", role: "admin" }),
          encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
          apiKeys: { rateLimiter: redisRateLimiter(client, { keyPrefix }) },
        }),
      );
      const response = await (instances[0] as (typeof instances)[number]).handler(
        new Request("http://app.test/api/plugboard/api-keys", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name: "shared", scopes: ["issues:read"], rateLimitPerMinute: 12 }),
        }),
      );
      const { secret } = (await response.json()) as { secret: string };
      const results = await Promise.all(
        Array.from({ length: 45 }, (_, i) =>
          (instances[i % 3] as (typeof instances)[number]).apiKeys.verify(secret, {
            scopes: ["issues:read"],
          }),
        ),
      );
      expect(results.filter((result) => result.valid)).toHaveLength(12);
      expect(results.filter((result) => result.code === "RATE_LIMITED")).toHaveLength(33);
      await store.close();
    });
  });
}

/** The scripts a connection runs, with the command and first argument they went out with. */
function spyOnScripts(client: Redis): () => { name: string; args: unknown[] }[] {
  const commands: { name: string; args: unknown[] }[] = [];
  const original = client.sendCommand.bind(client);
  vi.spyOn(client, "sendCommand").mockImplementation((command, ...rest) => {
    commands.push(command as unknown as { name: string; args: unknown[] });
    return original(command, ...rest);
  });
  // Names are read late: ioredis settles EVAL or EVALSHA as the command is written.
  return () => commands.filter((command) => command.name.startsWith("eval"));
}
