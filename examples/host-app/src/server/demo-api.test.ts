import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHostApp } from "./app";

let dataDir: string;
let server: Server;
let origin: string;
let close: () => Promise<void>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "plugboard-demo-api-"));
  const host = await createHostApp({ dataDir, clientDir: join(dataDir, "no-client") });
  close = host.close;
  server = host.app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function createKey(body: Record<string, unknown>) {
  const response = await fetch(`${origin}/api/plugboard/api-keys`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "curl", ...body }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { secret: string; apiKey: { id: string } };
}

const get = (secret: string) =>
  fetch(`${origin}/demo-api/issues`, { headers: { authorization: `Bearer ${secret}` } });

describe("the demo API behind Plugboard API keys (the README's curl steps)", () => {
  it("serves a key from the settings page, 403 without the scope, 429 past the limit, 401 after revoke", async () => {
    const { secret, apiKey } = await createKey({ scopes: ["issues:read"], rateLimitPerMinute: 3 });
    expect(secret).toMatch(/^sk_test_/);

    const ok = await get(secret);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { data: unknown[] }).data).toHaveLength(2);

    const write = await fetch(`${origin}/demo-api/issues`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify({ title: "From curl" }),
    });
    expect(write.status).toBe(403);
    expect(((await write.json()) as { code: string }).code).toBe("insufficient_scope");

    await get(secret);
    await get(secret);
    const limited = await get(secret);
    expect(limited.status).toBe(429);
    for (const header of [
      "ratelimit-limit",
      "ratelimit-remaining",
      "ratelimit-reset",
      "retry-after",
    ]) {
      expect(limited.headers.get(header), header).not.toBeNull();
    }

    const revoked = await fetch(`${origin}/api/plugboard/api-keys/${apiKey.id}/revoke`, {
      method: "POST",
    });
    expect(revoked.status).toBe(200);
    expect((await get(secret)).status).toBe(401);

    const files = ["plugboard.db", "plugboard.db-wal"].map((name) => {
      try {
        return readFileSync(join(dataDir, name)).toString("latin1");
      } catch {
        return "";
      }
    });
    expect(files.join("")).toContain(apiKey.id);
    expect(files.join("")).not.toContain(secret);
  });

  it("keeps the old key working during a rotation's grace period", async () => {
    const { secret, apiKey } = await createKey({ scopes: ["issues:*"] });
    const rotated = await fetch(`${origin}/api/plugboard/api-keys/${apiKey.id}/rotate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ gracePeriodSeconds: 3600 }),
    });
    const next = (await rotated.json()) as { secret: string };
    expect((await get(secret)).status).toBe(200);
    expect((await get(next.secret)).status).toBe(200);
  });
});
