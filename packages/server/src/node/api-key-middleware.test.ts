import { createdApiKeySchema, problemSchema } from "@plugboard/core";
import { type LoopbackServer, listenOnLoopback } from "@plugboard/provider-simulators/node";
import express from "express";
import { afterEach, describe, expect, it, vi } from "vitest";
import { generateEncryptionKey } from "../crypto/keyring";
import { createPlugboard } from "../plugboard";
import { memoryStore } from "../stores/memory/memory-store";
import { type ApiKeyRequest, apiKeyMiddleware } from "./api-key-middleware";
import { toNodeHandler } from "./to-node-handler";

const servers: LoopbackServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start() {
  const store = memoryStore();
  const logger = { warn: vi.fn(), error: vi.fn() };
  const plugboard = createPlugboard({
    store,
    authenticate: () => ({ userId: "usr_ada", organizationId: "org_acme", role: "admin" }),
    encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
    apiKeys: { environment: "test" },
    logger,
  });
  const app = express();
  app.use(plugboard.basePath, toNodeHandler(plugboard.handler));
  app.get(
    "/demo-api/issues",
    apiKeyMiddleware(plugboard, { scopes: ["issues:read"] }),
    (req, res) => {
      res.json({ keyId: (req as ApiKeyRequest).apiKey?.id, local: res.locals.apiKey?.id });
    },
  );
  const server = await listenOnLoopback(app);
  servers.push(server);
  const { origin } = server;
  const create = async (body: Record<string, unknown>) => {
    const response = await fetch(`${origin}/api/plugboard/api-keys`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "curl", ...body }),
    });
    return createdApiKeySchema.parse(await response.json());
  };
  return { origin, store, create };
}

describe("apiKeyMiddleware (Express)", () => {
  it("serves a valid key, sets req.apiKey and RateLimit headers, and records usage with the ip", async () => {
    const { origin, store, create } = await start();
    const { secret, apiKey } = await create({ scopes: ["issues:*"], rateLimitPerMinute: 2 });

    const ok = await fetch(`${origin}/demo-api/issues?q=1`, {
      headers: { authorization: `Bearer ${secret}`, "user-agent": "curl/8.5" },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ keyId: apiKey.id, local: apiKey.id });
    expect(ok.headers.get("ratelimit-remaining")).toBe("1");

    await fetch(`${origin}/demo-api/issues`, { headers: { "x-api-key": secret } });
    const limited = await fetch(`${origin}/demo-api/issues`, { headers: { "x-api-key": secret } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");

    // Usage is written once each response has finished, after the client already has it.
    const usage = await vi.waitFor(async () => {
      const rows = await store.apiKeys.listUsage("org_acme", apiKey.id, 0, 2 ** 50);
      expect(rows).toHaveLength(3);
      return rows;
    });
    expect(usage.map((row) => row.status)).toEqual([200, 200, 429]);
    expect(usage[0]).toMatchObject({
      path: "/demo-api/issues",
      userAgent: "curl/8.5",
      method: "GET",
    });
    expect(usage[0]?.ip).toMatch(/127\.0\.0\.1/);
  });

  it("answers 401 and 403 as problem+json and never reaches the route", async () => {
    const { origin, create } = await start();
    const missing = await fetch(`${origin}/demo-api/issues`);
    expect(missing.status).toBe(401);
    expect(problemSchema.parse(await missing.json()).code).toBe("unauthenticated");

    const { secret } = await create({ scopes: ["comments:read"] });
    const forbidden = await fetch(`${origin}/demo-api/issues`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(forbidden.status).toBe(403);
    expect(problemSchema.parse(await forbidden.json())).toMatchObject({
      code: "insufficient_scope",
      detail: expect.stringContaining("issues:read"),
    });
  });
});
