import { PlugboardError } from "@plugboard/core";
import { expect, it } from "vitest";
import { startPlugboard } from "../test/loopback";

it("client.sso manages connections, domains, policy and reads sign-ins against a real server", async () => {
  const txt = new Map<string, string[][]>();
  const { admin, member } = await startPlugboard({
    sso: {
      origin: "https://app.test",
      onLogin: async () => new Response(null, { status: 302, headers: { location: "/" } }),
      resolveTxt: async (name) => txt.get(name) ?? [],
    },
  });
  const created = await admin.sso.connections.create({
    protocol: "oidc",
    name: "Entra",
    oidc: { issuer: "https://login.acme.test", clientId: "plugboard", clientSecret: "secret" },
  });
  expect(created.serviceProvider.redirectUri).toBe(
    "https://app.test/api/plugboard/sso/oidc/callback",
  );
  expect((await admin.sso.connections.update(created.id, { enabled: false })).enabled).toBe(false);
  expect((await admin.sso.connections.list()).data).toHaveLength(1);
  await expect(member.sso.connections.list()).rejects.toMatchObject({ code: "forbidden" });

  const domain = await admin.sso.domains.add({ domain: "acme.test" });
  const notYet = await admin.sso.domains.verify(domain.id).catch((error: unknown) => error);
  expect(notYet).toBeInstanceOf(PlugboardError);
  expect(notYet).toMatchObject({ code: "conflict" });
  txt.set(domain.txtRecord.name, [[domain.txtRecord.value]]);
  expect((await admin.sso.domains.verify(domain.id)).verified).toBe(true);

  expect(
    await admin.sso.policy.put({ requireSso: true, breakGlassEmails: ["root@acme.test"] }),
  ).toEqual({
    requireSso: true,
    breakGlassEmails: ["root@acme.test"],
  });
  expect(await admin.sso.policy.get()).toEqual({
    requireSso: true,
    breakGlassEmails: ["root@acme.test"],
  });
  await expect(member.sso.policy.get()).rejects.toMatchObject({ code: "forbidden" });
  expect((await admin.sso.loginAttempts({ connectionId: created.id })).data).toEqual([]);
  await admin.sso.domains.remove(domain.id);
  await admin.sso.connections.delete(created.id);
  expect((await admin.sso.domains.list()).data).toEqual([]);
});
