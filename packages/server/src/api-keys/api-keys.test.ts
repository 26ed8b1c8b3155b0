import {
  apiKeyListSchema,
  apiKeySchema,
  apiKeyUsageStatsSchema,
  type CreatedApiKey,
  createdApiKeySchema,
  generateApiKey,
  type Identity,
  problemSchema,
} from "@plugboard/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { generateEncryptionKey } from "../crypto/keyring";
import type { Logger } from "../logger";
import { createPlugboard, type Plugboard } from "../plugboard";
import { type Backend, backends, type OpenedBackend } from "../stores/backends.test-helper";
import type { Store } from "../stores/types";
import type { ApiKeysOptions } from "./options";

const START = Date.UTC(2026, 10, 25, 12, 0, 30);
const users: Record<string, Identity> = {
  ada: { userId: "usr_ada", organizationId: "org_acme", role: "admin" },
  grace: { userId: "usr_grace", organizationId: "org_acme", role: "member" },
  alan: { userId: "usr_alan", organizationId: "org_acme", role: "member" },
  linus: { userId: "usr_linus", organizationId: "org_globex", role: "admin" },
};

describe.each(backends)("API keys on $name", (backend: Backend) => {
  let opened: OpenedBackend;
  let clock: number;
  let kits: Plugboard[];
  // Waits for the usage rows the guards write after answering.
  const flush = () => Promise.all(kits.map((plugboard) => plugboard.apiKeys.flushUsage()));
  let logger: {
    warn: ReturnType<typeof vi.fn<Logger["warn"]>>;
    error: ReturnType<typeof vi.fn<Logger["error"]>>;
  };

  beforeEach(async () => {
    opened = await backend.open();
    clock = START;
    kits = [];
    logger = { warn: vi.fn<Logger["warn"]>(), error: vi.fn<Logger["error"]>() };
  });

  afterEach(async () => {
    await flush();
    await opened.close();
  });

  function kit(apiKeys: ApiKeysOptions = {}, store: Store = opened.store) {
    const plugboard = createPlugboard({
      store,
      authenticate: (request) => users[request.headers.get("x-user") ?? ""] ?? null,
      encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
      logger,
      now: () => clock,
      apiKeys: { environment: "test", ...apiKeys },
    });
    kits.push(plugboard);
    const call = (method: string, path: string, user: string, body?: unknown) =>
      plugboard.handler(
        new Request(`http://app.test/api/plugboard${path}`, {
          method,
          headers: {
            "x-user": user,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
    const create = async (user: string, body: Record<string, unknown>): Promise<CreatedApiKey> => {
      const response = await call("POST", "/api-keys", user, { name: "CI", ...body });
      expect(response.status, await response.clone().text()).toBe(201);
      return createdApiKeySchema.parse(await response.json());
    };
    const guarded = plugboard.apiKeys.guard(
      (_request, key) => Response.json({ ok: true, keyId: key.id }),
      { scopes: ["issues:read"] },
    );
    const hit = (secret: string | null, header: "authorization" | "x-api-key" = "authorization") =>
      guarded(
        new Request("http://app.test/demo-api/issues?token=hidden", {
          headers:
            secret === null
              ? {}
              : {
                  [header]: header === "authorization" ? `Bearer ${secret}` : secret,
                  "user-agent": "vitest",
                },
        }),
      );
    return { plugboard, call, create, hit };
  }

  async function problem(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = problemSchema.parse(await response.json());
    expect(body.code).toBe(code);
    return body;
  }

  it("creates a key shown once; lists and gets never carry the secret; only the hash is stored", async () => {
    const { call, create } = kit();
    const created = await create("ada", {
      scopes: ["issues:read", "comments:*"],
      projectId: "prj_web",
      rateLimitPerMinute: 30,
      expiresAt: new Date(START + 86_400_000).toISOString(),
    });
    expect(created.secret).toMatch(/^sk_test_[0-9A-Za-z]{30}$/);
    expect(created.apiKey).toMatchObject({
      name: "CI",
      env: "test",
      status: "active",
      scopes: ["issues:read", "comments:*"],
      projectId: "prj_web",
      rateLimitPerMinute: 30,
      displayPrefix: created.secret.slice(0, 12),
      createdBy: "usr_ada",
      usageCount: 0,
      lastUsedAt: null,
    });

    const list = apiKeyListSchema.parse(await (await call("GET", "/api-keys", "ada")).json());
    expect(list.data.map((key) => key.id)).toEqual([created.apiKey.id]);
    const one = apiKeySchema.parse(
      await (await call("GET", `/api-keys/${created.apiKey.id}`, "ada")).json(),
    );
    expect(one).toEqual(created.apiKey);
    for (const text of [JSON.stringify(list), JSON.stringify(one)]) {
      expect(text).not.toContain(created.secret);
      expect(text).not.toContain(created.secret.slice(12));
      expect(text).not.toMatch(/[0-9a-f]{64}/);
    }

    const dump = await opened.dump();
    if (dump !== null) {
      expect(dump).toContain(created.apiKey.id);
      expect(dump).not.toContain(created.secret);
      expect(dump).not.toContain(created.secret.slice(12, 36)); // the random part alone
    }
  });

  it("verifies: valid, wildcard, insufficient scope, other project, unknown and malformed", async () => {
    const { plugboard, create } = kit();
    const { secret, apiKey } = await create("ada", { scopes: ["issues:*"], projectId: "prj_web" });
    const verify = plugboard.apiKeys.verify;

    const valid = await verify(secret, { scopes: ["issues:delete"], projectId: "prj_web" });
    expect(valid).toMatchObject({
      valid: true,
      code: "VALID",
      key: { id: apiKey.id, projectId: "prj_web" },
    });
    expect(await verify(secret, { scopes: ["comments:read"] })).toMatchObject({
      valid: false,
      code: "INSUFFICIENT_SCOPE",
      missingScopes: ["comments:read"],
    });
    expect(await verify(secret, { projectId: "prj_api" })).toMatchObject({
      code: "INSUFFICIENT_SCOPE",
    });
    expect(
      await verify(new Request("http://x", { headers: { "x-api-key": secret } }), {
        scopes: ["issues:read"],
      }),
    ).toMatchObject({ valid: true });

    const findByHash = vi.spyOn(opened.store.apiKeys, "findByHash");
    const typo = `${secret.slice(0, -7)}${secret.at(-7) === "a" ? "b" : "a"}${secret.slice(-6)}`;
    for (const junk of [typo, "sk_test_short", `Bearer ${secret}`, "", null]) {
      expect(await verify(junk)).toMatchObject({ valid: false, code: "NOT_FOUND" });
    }
    expect(findByHash).not.toHaveBeenCalled();
    expect(await verify(generateApiKey({ env: "test" }).key)).toMatchObject({ code: "NOT_FOUND" });
    expect(findByHash).toHaveBeenCalledTimes(1);
    expect(await verify(generateApiKey({ env: "test", prefix: "pb" }).key)).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("guards a route: 401 without a key, 403 with headers for a missing scope, 200 with RateLimit headers", async () => {
    const { create, hit } = kit();
    await problem(await hit(null), 401, "unauthenticated");
    const noKey = await hit("sk_test_nonsense");
    expect(noKey.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');

    const narrow = await create("ada", { scopes: ["comments:read"] });
    const forbidden = await hit(narrow.secret);
    const body = await problem(forbidden, 403, "insufficient_scope");
    expect(body.detail).toContain("issues:read");
    expect(forbidden.headers.get("www-authenticate")).toContain('scope="issues:read"');

    const good = await create("ada", { scopes: ["issues:read"], rateLimitPerMinute: 5 });
    const ok = await hit(good.secret, "x-api-key");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, keyId: good.apiKey.id });
    expect(ok.headers.get("ratelimit-limit")).toBe("5");
    expect(ok.headers.get("ratelimit-remaining")).toBe("4");
    expect(ok.headers.get("ratelimit-reset")).toBe("30");
  });

  it("answers 429 past the limit with RateLimit-* and Retry-After, and lets requests in again next minute", async () => {
    const { create, hit } = kit();
    const { secret } = await create("ada", { scopes: ["issues:read"], rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await hit(secret)).status).toBe(200);
    const limited = await hit(secret);
    await problem(limited, 429, "rate_limited");
    expect(limited.headers.get("ratelimit-limit")).toBe("3");
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(limited.headers.get("ratelimit-reset")).toBe("30");
    expect(limited.headers.get("retry-after")).toBe("30");
    clock += 30_000;
    expect((await hit(secret)).status).toBe(200);
  });

  it("lets requests through when the rate limiter fails, by default, and logs it", async () => {
    const failing = { hit: vi.fn().mockRejectedValue(new Error("ECONNREFUSED 127.0.0.1:6379")) };
    const { create, hit } = kit({ rateLimiter: failing });
    const { secret } = await create("ada", { scopes: ["issues:read"], rateLimitPerMinute: 1 });
    for (let i = 0; i < 3; i++) {
      const response = await hit(secret);
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-limit")).toBeNull();
    }
    expect(failing.hit).toHaveBeenCalledTimes(3);
    expect(logger.error).toHaveBeenCalledWith(
      "API key rate limiter failed; request allowed",
      expect.objectContaining({ error: "ECONNREFUSED 127.0.0.1:6379" }),
    );
  });

  it('answers 503 with Retry-After when the rate limiter fails and onError is "deny"', async () => {
    const failing = { hit: vi.fn().mockRejectedValue(new Error("ECONNREFUSED 127.0.0.1:6379")) };
    const { plugboard, create, hit } = kit({
      rateLimiter: failing,
      rateLimit: { onError: "deny" },
    });
    const { secret } = await create("ada", { scopes: ["issues:read"], rateLimitPerMinute: 100 });
    const refused = await hit(secret);
    const body = await problem(refused, 503, "unavailable");
    expect(body.detail).toContain("Rate limiting is unavailable");
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await plugboard.apiKeys.verify(secret)).toMatchObject({
      valid: false,
      code: "UNAVAILABLE",
    });
    expect(logger.error).toHaveBeenCalledWith(
      "API key rate limiter failed; request refused",
      expect.objectContaining({ keyId: expect.any(String) }),
    );
    // A key without a limit never asks the limiter, so it still works.
    const unlimited = await create("ada", { scopes: ["issues:read"], rateLimitPerMinute: null });
    expect((await hit(unlimited.secret)).status).toBe(200);
    await flush();
    expect(JSON.stringify(logger.error.mock.calls)).not.toContain(secret);
  });

  it("lets exactly the limit through when 40 requests arrive at once", async () => {
    const { create, hit } = kit();
    const { secret } = await create("ada", { scopes: ["issues:read"], rateLimitPerMinute: 10 });
    const statuses = (await Promise.all(Array.from({ length: 40 }, () => hit(secret)))).map(
      (r) => r.status,
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30);
  });

  it("shares the limit between two app instances on the same store", async () => {
    const first = kit();
    const second = kit({}, await opened.another());
    const { secret } = await first.create("ada", {
      scopes: ["issues:read"],
      rateLimitPerMinute: 8,
    });
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? first : second).hit(secret)),
    );
    expect(responses.filter((response) => response.status === 200)).toHaveLength(8);
  });

  it("revokes at once on this instance, and within cacheTtlMs on another", async () => {
    const a = kit({ cacheTtlMs: 5_000 });
    const b = kit({ cacheTtlMs: 5_000 }, await opened.another());
    const { secret, apiKey } = await a.create("ada", { scopes: ["issues:read"] });
    expect((await a.hit(secret)).status).toBe(200);
    expect((await b.hit(secret)).status).toBe(200);

    const revoked = apiKeySchema.parse(
      await (await a.call("POST", `/api-keys/${apiKey.id}/revoke`, "ada")).json(),
    );
    expect(revoked.status).toBe("revoked");
    await problem(await a.hit(secret), 401, "unauthenticated");
    expect(await a.plugboard.apiKeys.verify(secret)).toMatchObject({ code: "REVOKED" });
    // The other instance still holds its cached copy, for at most cacheTtlMs.
    expect((await b.hit(secret)).status).toBe(200);
    clock += 5_001;
    expect(await b.plugboard.apiKeys.verify(secret)).toMatchObject({ code: "REVOKED" });
  });

  it("rotates with a grace period: both keys work, then only the new one; settings copied", async () => {
    const { plugboard, call, create } = kit();
    const old = await create("ada", {
      scopes: ["issues:read", "search:read"],
      projectId: "prj_web",
      rateLimitPerMinute: 42,
      expiresAt: new Date(START + 10 * 86_400_000).toISOString(),
    });
    const response = await call("POST", `/api-keys/${old.apiKey.id}/rotate`, "ada", {
      gracePeriodSeconds: 3600,
    });
    expect(response.status).toBe(201);
    const rotated = createdApiKeySchema.parse(await response.json());
    expect(rotated.secret).not.toBe(old.secret);
    expect(rotated.apiKey).toMatchObject({
      name: "CI",
      scopes: ["issues:read", "search:read"],
      projectId: "prj_web",
      rateLimitPerMinute: 42,
      rotatedFromId: old.apiKey.id,
      expiresAt: new Date(START + 10 * 86_400_000).toISOString(),
    });
    const oldNow = apiKeySchema.parse(
      await (await call("GET", `/api-keys/${old.apiKey.id}`, "ada")).json(),
    );
    expect(oldNow).toMatchObject({
      status: "active",
      revokedAt: new Date(START + 3_600_000).toISOString(),
    });

    expect(await plugboard.apiKeys.verify(old.secret)).toMatchObject({ valid: true });
    expect(await plugboard.apiKeys.verify(rotated.secret)).toMatchObject({ valid: true });
    clock += 3_600_000;
    expect(await plugboard.apiKeys.verify(old.secret)).toMatchObject({ code: "REVOKED" });
    expect(await plugboard.apiKeys.verify(rotated.secret)).toMatchObject({ valid: true });

    // Grace 0 revokes the old key at once; a revoked key cannot be rotated again.
    const again = createdApiKeySchema.parse(
      await (
        await call("POST", `/api-keys/${rotated.apiKey.id}/rotate`, "ada", {
          gracePeriodSeconds: 0,
        })
      ).json(),
    );
    expect(await plugboard.apiKeys.verify(rotated.secret)).toMatchObject({ code: "REVOKED" });
    expect(await plugboard.apiKeys.verify(again.secret)).toMatchObject({ valid: true });
    await problem(
      await call("POST", `/api-keys/${rotated.apiKey.id}/rotate`, "ada", {}),
      409,
      "conflict",
    );
  });

  it("counts a rotated key and its successors in one rate-limit bucket during the grace period", async () => {
    const { call, create, hit } = kit();
    const rotate = async (id: string) =>
      createdApiKeySchema.parse(
        await (
          await call("POST", `/api-keys/${id}/rotate`, "ada", { gracePeriodSeconds: 3600 })
        ).json(),
      );
    const first = await create("ada", { scopes: ["issues:read"], rateLimitPerMinute: 3 });
    const other = await create("ada", { scopes: ["issues:read"], rateLimitPerMinute: 3 });
    expect((await hit(first.secret)).status).toBe(200);
    const second = await rotate(first.apiKey.id);
    expect((await hit(second.secret)).status).toBe(200);
    const third = await rotate(second.apiKey.id);
    const last = await hit(third.secret);
    expect(last.status).toBe(200);
    expect(last.headers.get("ratelimit-remaining")).toBe("0");

    // Three keys of one lineage, all inside their grace periods: one limit between them.
    for (const secret of [first.secret, second.secret, third.secret]) {
      await problem(await hit(secret), 429, "rate_limited");
    }
    expect((await hit(other.secret)).status).toBe(200);
    clock += 60_000;
    expect((await hit(third.secret)).status).toBe(200);
  });

  it("rotates a key once when rotations race on two instances: one 201, the rest 409", async () => {
    const a = kit();
    const b = kit({}, await opened.another());
    const old = await a.create("ada", { scopes: ["issues:read"] });

    const responses = await Promise.all(
      [a, b, a, b].map((instance) =>
        instance.call("POST", `/api-keys/${old.apiKey.id}/rotate`, "ada", {
          gracePeriodSeconds: 3600,
        }),
      ),
    );

    const won = responses.filter((response) => response.status === 201);
    const lost = responses.filter((response) => response.status !== 201);
    expect(won).toHaveLength(1);
    for (const response of lost) await problem(response, 409, "conflict");
    const successor = createdApiKeySchema.parse(await (won[0] as Response).json());
    const listed = apiKeyListSchema.parse(await (await a.call("GET", "/api-keys", "ada")).json());
    expect(listed.data.filter((key) => key.rotatedFromId === old.apiKey.id)).toEqual([
      expect.objectContaining({ id: successor.apiKey.id }),
    ]);
    expect(listed.data).toHaveLength(2);
    expect(await a.plugboard.apiKeys.verify(successor.secret)).toMatchObject({ valid: true });
    expect(await a.plugboard.apiKeys.verify(old.secret)).toMatchObject({ valid: true });
  });

  it("expires keys, and disables and re-enables them", async () => {
    const { plugboard, call, create } = kit();
    const { secret, apiKey } = await create("ada", {
      scopes: ["issues:read"],
      expiresAt: new Date(START + 60_000).toISOString(),
    });
    const off = await call("PATCH", `/api-keys/${apiKey.id}`, "ada", { enabled: false });
    expect(apiKeySchema.parse(await off.json())).toMatchObject({
      enabled: false,
      status: "disabled",
    });
    expect(await plugboard.apiKeys.verify(secret)).toMatchObject({ code: "DISABLED" });
    await call("PATCH", `/api-keys/${apiKey.id}`, "ada", { enabled: true, name: "Renamed" });
    expect(await plugboard.apiKeys.verify(secret)).toMatchObject({
      valid: true,
      key: { name: "Renamed" },
    });
    clock += 60_000;
    expect(await plugboard.apiKeys.verify(secret)).toMatchObject({ code: "EXPIRED" });
    const listed = apiKeyListSchema.parse(await (await call("GET", "/api-keys", "ada")).json());
    expect(listed.data[0]?.status).toBe("expired");
  });

  it("applies role rules: what members may grant, whose keys they see", async () => {
    const { call, create } = kit();
    const denied = await call("POST", "/api-keys", "grace", {
      name: "x",
      scopes: ["issues:read", "issues:delete"],
    });
    const body = await problem(denied, 403, "forbidden");
    expect(body.errors?.[0]).toMatchObject({ path: "scopes" });
    expect(body.detail).toContain("issues:delete");
    await problem(
      await call("POST", "/api-keys", "grace", { name: "x", scopes: ["*"] }),
      403,
      "forbidden",
    );

    const graces = await create("grace", { scopes: ["issues:write", "comments:*"] });
    const admins = await create("ada", { scopes: ["*"] });
    await create("alan", { scopes: ["search:read"] });

    const graceList = apiKeyListSchema.parse(
      await (await call("GET", "/api-keys", "grace")).json(),
    );
    expect(graceList.data.map((key) => key.id)).toEqual([graces.apiKey.id]);
    expect(graceList.grantableScopes).toContain("comments:*");
    expect(graceList.grantableScopes).not.toContain("issues:delete");
    await problem(await call("GET", `/api-keys/${admins.apiKey.id}`, "grace"), 404, "not_found");
    await problem(
      await call("POST", `/api-keys/${admins.apiKey.id}/revoke`, "grace"),
      404,
      "not_found",
    );

    const adaList = apiKeyListSchema.parse(await (await call("GET", "/api-keys", "ada")).json());
    expect(adaList.data).toHaveLength(3);
    expect(adaList.grantableScopes).toContain("*");
    expect((await call("POST", `/api-keys/${graces.apiKey.id}/revoke`, "ada")).status).toBe(200);
    await problem(await call("GET", `/api-keys/${graces.apiKey.id}`, "linus"), 404, "not_found");

    const adminsOnly = kit({ memberAccess: "none" });
    await problem(await adminsOnly.call("GET", "/api-keys", "grace"), 403, "forbidden");
    expect((await adminsOnly.call("GET", "/api-keys", "ada")).status).toBe(200);
  });

  it("rejects bad input with field errors, never a 500", async () => {
    const { call } = kit();
    const cases: unknown[] = [
      { name: "", scopes: ["issues:read"] },
      { name: "x", scopes: [] },
      { name: "x", scopes: ["issues:admin"] },
      { name: "x", scopes: ["issues:read", "issues:read"] },
      { name: "x", scopes: ["issues:read"], rateLimitPerMinute: 0 },
      { name: "x", scopes: ["issues:read"], expiresAt: new Date(START - 1).toISOString() },
    ];
    for (const body of cases)
      await problem(await call("POST", "/api-keys", "ada", body), 400, "validation_failed");
    await problem(
      await call("GET", "/api-keys/key_missing/usage?from=yesterday", "ada"),
      400,
      "validation_failed",
    );
    await problem(
      await call("POST", "/api-keys/key_missing/rotate", "ada", { gracePeriodSeconds: -1 }),
      400,
      "validation_failed",
    );
    await problem(await call("POST", "/api-keys/key_missing/revoke", "ada"), 404, "not_found");
  });

  it("records usage in the background and reports stats over a range", async () => {
    const { call, create, hit } = kit();
    const { secret, apiKey } = await create("ada", {
      scopes: ["issues:read"],
      rateLimitPerMinute: 2,
    });
    await hit(secret);
    clock += 3_600_000;
    await hit(secret);
    await hit(secret);
    await hit(secret); // 429
    await flush();

    const got = apiKeySchema.parse(
      await (await call("GET", `/api-keys/${apiKey.id}`, "ada")).json(),
    );
    expect(got.usageCount).toBe(4);
    expect(got.lastUsedAt).toBe(new Date(clock).toISOString());

    const stats = apiKeyUsageStatsSchema.parse(
      await (await call("GET", `/api-keys/${apiKey.id}/usage`, "ada")).json(),
    );
    expect(stats).toMatchObject({ total: 4, errors: 1, granularity: "hour" });
    expect(stats.series).toHaveLength(25);
    expect(stats.series.reduce((sum, bucket) => sum + bucket.requests, 0)).toBe(4);
    expect(stats.series.at(-1)).toMatchObject({ requests: 3, errors: 1 });
    expect(stats.statusCodes).toEqual([
      { status: 200, count: 3 },
      { status: 429, count: 1 },
    ]);
    expect(stats.topEndpoints).toEqual([{ method: "GET", path: "/demo-api/issues", count: 4 }]);
    expect(stats.latency.p50).not.toBeNull();

    const byDay = apiKeyUsageStatsSchema.parse(
      await (
        await call(
          "GET",
          `/api-keys/${apiKey.id}/usage?granularity=day&from=${new Date(START - 6 * 86_400_000).toISOString()}&to=${new Date(clock + 1).toISOString()}`,
          "ada",
        )
      ).json(),
    );
    expect(byDay.series).toHaveLength(7);
    expect(byDay.total).toBe(4);
    const usage = await opened.store.apiKeys.listUsage("org_acme", apiKey.id, 0, 2 ** 50);
    expect(
      usage.every((row) => row.path === "/demo-api/issues" && row.userAgent === "vitest"),
    ).toBe(true);
  });

  it("writes the usage of concurrent requests in batches, every row there once flushed", async () => {
    const { create, hit } = kit();
    const { secret, apiKey } = await create("ada", {
      scopes: ["issues:read"],
      rateLimitPerMinute: null,
    });
    // Cached first, so the burst below verifies without waiting on the store.
    await hit(secret);
    await flush();
    const writes = vi.spyOn(opened.store.apiKeys, "recordUsage");
    const responses = await Promise.all(Array.from({ length: 120 }, () => hit(secret)));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    await flush();

    const rows = await opened.store.apiKeys.listUsage("org_acme", apiKey.id, 0, 2 ** 50);
    expect(rows).toHaveLength(121);
    expect(new Set(rows.map((row) => row.id)).size).toBe(121);
    expect((await opened.store.apiKeys.get("org_acme", apiKey.id))?.usageCount).toBe(121);
    expect(writes.mock.calls.length).toBeLessThan(120);
    expect(writes.mock.calls.flatMap(([batch]) => batch)).toHaveLength(120);
  });

  it("adds RateLimit headers to a handler's response, even a fetched one whose headers are immutable", async () => {
    const { plugboard, create } = kit();
    const { secret } = await create("ada", { scopes: ["issues:read"], rateLimitPerMinute: 5 });
    const request = () =>
      new Request("http://app.test/proxy", { headers: { authorization: `Bearer ${secret}` } });
    const own = plugboard.apiKeys.guard(() => Response.json({ own: true }));
    const proxied = plugboard.apiKeys.guard(() => fetch("data:text/plain,upstream"));

    const first = await own(request());
    expect(await first.json()).toEqual({ own: true });
    expect(first.headers.get("ratelimit-remaining")).toBe("4");
    const second = await proxied(request());
    expect(await second.text()).toBe("upstream");
    expect(second.headers.get("content-type")).toBe("text/plain");
    expect(second.headers.get("ratelimit-remaining")).toBe("3");
  });

  it("prunes usage older than the retention period", async () => {
    const { plugboard, create, hit } = kit({ usageRetentionDays: 1 });
    const { secret } = await create("ada", { scopes: ["issues:read"], rateLimitPerMinute: null });
    await hit(secret);
    await flush();
    clock += 2 * 86_400_000;
    expect(await plugboard.apiKeys.pruneUsage()).toBe(1);
  });

  it("logs a failed usage write and still answers the request", async () => {
    const { create, hit } = kit();
    const { secret } = await create("ada", { scopes: ["issues:read"] });
    vi.spyOn(opened.store.apiKeys, "recordUsage").mockRejectedValue(new Error("disk full"));
    expect((await hit(secret)).status).toBe(200);
    await flush();
    expect(logger.error).toHaveBeenCalledWith(
      "Could not record API key usage",
      expect.objectContaining({ error: "disk full" }),
    );
    expect(JSON.stringify(logger.error.mock.calls)).not.toContain(secret);
  });
});
