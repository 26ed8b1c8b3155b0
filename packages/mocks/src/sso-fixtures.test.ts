import { ssoConnectionListSchema, ssoDomainListSchema, ssoDomainSchema } from "@plugboard/core";
import { describe, expect, it } from "vitest";
import { createMockPlugboard } from "./mock-plugboard";

describe("SSO fixtures", () => {
  it("serve a rotating SAML connection, a disabled OIDC one, and a verified and a pending domain", async () => {
    const mock = createMockPlugboard();
    const call = (path: string, method = "GET") =>
      mock.handler(new Request(`http://mock.test/api/plugboard${path}`, { method }));
    const list = ssoConnectionListSchema.parse(await (await call("/sso/connections")).json());
    expect(list.data.map((c) => [c.id, c.protocol, c.enabled])).toEqual([
      ["ssoc_okta", "saml", true],
      ["ssoc_google", "oidc", false],
    ]);
    expect(list.data[0]?.saml?.certificates.map((c) => c.expiringSoon)).toEqual([false, true]);
    expect(JSON.stringify(list)).not.toContain("mock-google-sso-secret");

    const domains = ssoDomainListSchema.parse(await (await call("/sso/domains")).json());
    expect(domains.data.map((d) => [d.domain, d.verified])).toEqual([
      ["acme.test", true],
      ["acme-labs.test", false],
    ]);
    const pending = domains.data[1];
    expect((await call(`/sso/domains/${pending?.id}/verify`, "POST")).status).toBe(409);
    mock.dns.set(pending?.txtRecord.name ?? "", [[pending?.txtRecord.value ?? ""]]);
    const verified = await call(`/sso/domains/${pending?.id}/verify`, "POST");
    expect(ssoDomainSchema.parse(await verified.json()).verified).toBe(true);
  });
});
