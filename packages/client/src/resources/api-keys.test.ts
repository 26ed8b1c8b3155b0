import { PlugboardError } from "@plugboard/core";
import { describe, expect, it } from "vitest";
import { createPlugboardClient } from "../create-client";
import { startPlugboard } from "../test/loopback";

function startWithKeys() {
  return startPlugboard({ apiKeys: { environment: "test" } });
}

describe("client.apiKeys against a real server", () => {
  it("creates, lists, gets, renames, rotates, revokes and reads usage", async () => {
    const { plugboard, baseUrl } = await startWithKeys();
    const client = createPlugboardClient({ baseUrl, headers: { "x-user": "ada" } });

    const created = await client.apiKeys.create({ name: "Deploy bot", scopes: ["issues:read"] });
    expect(created.secret).toMatch(/^sk_test_/);
    expect(created.apiKey).toMatchObject({ name: "Deploy bot", status: "active" });

    const list = await client.apiKeys.list();
    expect(list.data.map((key) => key.id)).toEqual([created.apiKey.id]);
    expect(list.grantableScopes).toContain("*");
    expect(JSON.stringify(list)).not.toContain(created.secret);
    expect(await client.apiKeys.get(created.apiKey.id)).toEqual(created.apiKey);

    const renamed = await client.apiKeys.update(created.apiKey.id, { name: "Deploy bot 2" });
    expect(renamed.name).toBe("Deploy bot 2");

    await plugboard.apiKeys.guard(() => new Response("ok"))(
      new Request("http://x/demo", { headers: { authorization: `Bearer ${created.secret}` } }),
    );
    await plugboard.apiKeys.flushUsage();
    const usage = await client.apiKeys.usage(created.apiKey.id, { granularity: "hour" });
    expect(usage).toMatchObject({ total: 1, errors: 0, granularity: "hour" });

    const rotated = await client.apiKeys.rotate(created.apiKey.id, { gracePeriodSeconds: 0 });
    expect(rotated.apiKey.rotatedFromId).toBe(created.apiKey.id);
    expect((await client.apiKeys.get(created.apiKey.id)).status).toBe("revoked");

    const revoked = await client.apiKeys.revoke(rotated.apiKey.id);
    expect(revoked.status).toBe("revoked");
  });

  it("turns a member's over-reaching scope into a forbidden PlugboardError with a field error", async () => {
    const { baseUrl } = await startWithKeys();
    const member = createPlugboardClient({ baseUrl, headers: { "x-user": "grace" } });
    const error = await member.apiKeys
      .create({ name: "x", scopes: ["issues:delete"] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlugboardError);
    expect(error).toMatchObject({ status: 403, code: "forbidden" });
    expect((error as PlugboardError).fieldError("scopes")).toContain("issues:delete");
  });
});
