import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHostApp, type TestHostApp } from "./test-host-app";

let host: TestHostApp;

beforeAll(async () => {
  host = await startTestHostApp();
});

afterAll(() => host.stop());

async function createKey(body: Record<string, unknown>) {
  const response = await fetch(`${host.origin}/api/plugboard/api-keys`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "curl", ...body }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { secret: string; apiKey: { id: string } };
}

const get = (secret: string) =>
  fetch(`${host.origin}/demo-api/issues`, { headers: { authorization: `Bearer ${secret}` } });

describe("the demo API behind Plugboard API keys (the README's curl steps)", () => {
  it("serves a key from the settings page, 403 without the scope, 429 past the limit, 401 after revoke", async () => {
    const { secret, apiKey } = await createKey({ scopes: ["issues:read"], rateLimitPerMinute: 3 });
    expect(secret).toMatch(/^sk_test_/);

    const ok = await get(secret);
    expect(ok.status).toBe(200);
    // The tracker's seeded issues, read as the key.
    const { data } = (await ok.json()) as { data: { key: string }[] };
    expect(data.map((issue) => issue.key).sort()).toEqual(["DEMO-1", "DEMO-2", "DEMO-3"]);

    const write = await fetch(`${host.origin}/demo-api/issues`, {
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

    const revoked = await fetch(`${host.origin}/api/plugboard/api-keys/${apiKey.id}/revoke`, {
      method: "POST",
    });
    expect(revoked.status).toBe(200);
    expect((await get(secret)).status).toBe(401);

    const database = host.readDatabase();
    expect(database).toContain(apiKey.id);
    expect(database).not.toContain(secret);
  });

  it("keeps the old key working during a rotation's grace period", async () => {
    const { secret, apiKey } = await createKey({ scopes: ["issues:*"] });
    const rotated = await fetch(`${host.origin}/api/plugboard/api-keys/${apiKey.id}/rotate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ gracePeriodSeconds: 3600 }),
    });
    const next = (await rotated.json()) as { secret: string };
    expect((await get(secret)).status).toBe(200);
    expect((await get(next.secret)).status).toBe(200);
  });

  it("creates a tracker issue with an issues:write key, and refuses a bad one as problem+json", async () => {
    const { secret } = await createKey({ scopes: ["issues:write"] });
    const post = (body: string) =>
      fetch(`${host.origin}/demo-api/issues`, {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body,
      });
    const created = await post(JSON.stringify({ title: "From curl" }));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ key: "DEMO-4", title: "From curl" });
    for (const body of [JSON.stringify({ title: "" }), "{oops"]) {
      const refused = await post(body);
      expect(refused.status).toBe(400);
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
      expect(((await refused.json()) as { code: string }).code).toBe("validation_failed");
    }
  });
});
