import {
  type SsoConnection,
  type SsoDomain,
  ssoConnectionListSchema,
  ssoConnectionSchema,
  ssoDomainSchema,
} from "@plugboard/core";
import { generateSigningKey } from "@plugboard/provider-simulators/node";
import { describe, expect, it } from "vitest";
import { contextOf } from "../context";
import { memoryStore } from "../stores/memory/memory-store";
import { ssoHost } from "./sso.test-harness";

const key = generateSigningKey("idp.acme.test");
const metadataXml = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.acme.test/saml"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${key.certificate.replace(/-----[^-]+-----|\n/g, "")}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.acme.test/saml/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>`;
const oidc = {
  issuer: "https://login.acme.test",
  clientId: "plugboard",
  clientSecret: "s3cret-client-secret",
};

describe("SSO connections", () => {
  it("creates a SAML connection from uploaded metadata and shows what to give the IdP", async () => {
    const host = ssoHost();
    const created = await host.createConnection({
      protocol: "saml",
      name: "Okta",
      saml: { metadataXml },
    });
    expect(ssoConnectionSchema.parse(created)).toEqual(created);
    expect(created).toMatchObject({
      enabled: true,
      saml: {
        idpEntityId: "https://idp.acme.test/saml",
        ssoUrl: "https://idp.acme.test/saml/sso",
        allowIdpInitiated: false,
        certificates: [{ subject: "CN=idp.acme.test", expiringSoon: false }],
      },
      serviceProvider: {
        entityId: `https://app.test/api/plugboard/sso/saml/${created.id}/metadata`,
        acsUrl: `https://app.test/api/plugboard/sso/saml/${created.id}/acs`,
      },
    });
    const metadata = await host.call("GET", created.serviceProvider.metadataUrl as string);
    expect(metadata.headers.get("content-type")).toContain("samlmetadata+xml");
    expect(await metadata.text()).toContain(`Location="${created.serviceProvider.acsUrl}"`);
  });

  it("reads metadata from a URL with the configured fetch", async () => {
    const requested: string[] = [];
    const host = ssoHost({
      fetch: async (input) => {
        requested.push(String(input));
        return new Response(metadataXml);
      },
    });
    const created = await host.createConnection({
      protocol: "saml",
      name: "Okta",
      saml: { metadataUrl: "https://idp.acme.test/metadata" },
    });
    expect(requested).toEqual(["https://idp.acme.test/metadata"]);
    expect(created.saml?.metadataUrl).toBe("https://idp.acme.test/metadata");
  });

  it("refuses metadata with a DTD, a certificate that is not one, and a SAML block on an OIDC connection", async () => {
    const host = ssoHost();
    const dtd = await host.call("POST", "/sso/connections", {
      user: "ada",
      json: {
        protocol: "saml",
        name: "x",
        saml: { metadataXml: `<!DOCTYPE x [<!ENTITY a "b">]>${metadataXml}` },
      },
    });
    expect(dtd.status).toBe(400);
    const badCertificate = await host.call("POST", "/sso/connections", {
      user: "ada",
      json: {
        protocol: "saml",
        name: "x",
        saml: { idpEntityId: "x", ssoUrl: "https://idp.test/sso", certificates: ["A".repeat(100)] },
      },
    });
    expect(badCertificate.status).toBe(400);
    expect((await badCertificate.json()).errors[0].path).toBe("saml.certificates.0");
    const created = await host.createConnection({ protocol: "oidc", name: "Entra", oidc });
    const wrong = await host.call("PATCH", `/sso/connections/${created.id}`, {
      user: "ada",
      json: { saml: { metadataXml } },
    });
    expect(wrong.status).toBe(400);
  });

  it("keeps the OIDC client secret encrypted and never returns it", async () => {
    const store = memoryStore();
    const host = ssoHost({ store });
    const created = await host.createConnection({ protocol: "oidc", name: "Entra", oidc });
    expect(created.oidc).toEqual({
      issuer: "https://login.acme.test",
      clientId: "plugboard",
      scopes: ["openid", "email", "profile"],
      allowUnverifiedEmail: false,
    });
    expect(created.serviceProvider.redirectUri).toBe(
      "https://app.test/api/plugboard/sso/oidc/callback",
    );
    const listed = await (await host.call("GET", "/sso/connections", { user: "ada" })).text();
    expect(listed).not.toContain(oidc.clientSecret);
    const stored = await store.sso.findConnection(created.id);
    expect(JSON.stringify(stored)).not.toContain(oidc.clientSecret);
    const context = contextOf(host.plugboard);
    expect(
      await context.keyring.decrypt(
        stored?.clientSecretCiphertext ?? "",
        `sso-connection:${created.id}`,
      ),
    ).toBe(oidc.clientSecret);
  });

  it("lists, disables, renames and deletes, only within the organization and only for admins", async () => {
    const host = ssoHost();
    const created = await host.createConnection({ protocol: "oidc", name: "Entra", oidc });
    expect((await host.call("GET", "/sso/connections", { user: "grace" })).status).toBe(403);
    expect(
      (await host.call("GET", `/sso/connections/${created.id}`, { user: "linus" })).status,
    ).toBe(404);
    const updated = await host.call("PATCH", `/sso/connections/${created.id}`, {
      user: "ada",
      json: { enabled: false, name: "Entra ID" },
    });
    expect(((await updated.json()) as SsoConnection).enabled).toBe(false);
    const list = ssoConnectionListSchema.parse(
      await (await host.call("GET", "/sso/connections", { user: "ada" })).json(),
    );
    expect(list.data.map((c) => [c.name, c.enabled])).toEqual([["Entra ID", false]]);
    expect(
      (await host.call("DELETE", `/sso/connections/${created.id}`, { user: "linus" })).status,
    ).toBe(404);
    expect(
      (await host.call("DELETE", `/sso/connections/${created.id}`, { user: "ada" })).status,
    ).toBe(204);
    expect((await host.call("GET", `/sso/connections/${created.id}`, { user: "ada" })).status).toBe(
      404,
    );
  });

  it("answers 404 on every SSO route when SSO is not configured", async () => {
    const { createPlugboard } = await import("../plugboard");
    const bare = createPlugboard({
      store: memoryStore(),
      authenticate: () => ({ userId: "u", organizationId: "o", role: "admin" }),
      encryption: { currentKeyId: "k1", keys: { k1: `${"A".repeat(43)}=` } },
    });
    for (const path of ["connections", "domains", "login?email=a@acme.test"]) {
      const answer = await bare.handler(new Request(`https://app.test/api/plugboard/sso/${path}`));
      expect(answer.status).toBe(404);
      expect((await answer.json()).detail).toContain("SSO is not configured");
    }
  });
});

describe("SSO domains", () => {
  it("verifies a domain by its TXT record, once published", async () => {
    const host = ssoHost();
    const added = await host.call("POST", "/sso/domains", {
      user: "ada",
      json: { domain: "Acme.TEST" },
    });
    expect(added.status).toBe(201);
    const domain = ssoDomainSchema.parse(await added.json());
    expect(domain).toMatchObject({ domain: "acme.test", verified: false });
    expect(domain.txtRecord.name).toBe("_plugboard-verification.acme.test");
    expect(domain.txtRecord.value).toMatch(/^plugboard-verification=[A-Za-z0-9]{32}$/);

    const early = await host.call("POST", `/sso/domains/${domain.id}/verify`, { user: "ada" });
    expect(early.status).toBe(409);
    expect((await early.json()).detail).toContain("No TXT record");
    host.txt.set(domain.txtRecord.name, [["v=spf1 -all"], ["plugboard-verification=wrong"]]);
    expect(
      (await host.call("POST", `/sso/domains/${domain.id}/verify`, { user: "ada" })).status,
    ).toBe(409);

    host.txt.set(domain.txtRecord.name, [["v=spf1 -all"], [domain.txtRecord.value]]);
    const verified = await host.call("POST", `/sso/domains/${domain.id}/verify`, { user: "ada" });
    expect(verified.status).toBe(200);
    expect(((await verified.json()) as SsoDomain).verified).toBe(true);
  });

  it("refuses consumer mail domains and a domain claimed twice", async () => {
    const host = ssoHost({ consumerDomains: ["mail.acme.test"] });
    for (const domain of ["gmail.com", "outlook.com", "mail.acme.test"]) {
      const answer = await host.call("POST", "/sso/domains", { user: "ada", json: { domain } });
      expect(answer.status).toBe(400);
    }
    expect(
      (await host.call("POST", "/sso/domains", { user: "ada", json: { domain: "not a domain" } }))
        .status,
    ).toBe(400);
    await host.call("POST", "/sso/domains", { user: "ada", json: { domain: "acme.test" } });
    expect(
      (await host.call("POST", "/sso/domains", { user: "ada", json: { domain: "acme.test" } }))
        .status,
    ).toBe(409);
  });

  it("gives a verified domain to one organization only", async () => {
    const host = ssoHost();
    await host.proveDomain("acme.test", "ada");
    const claim = (await (
      await host.call("POST", "/sso/domains", { user: "linus", json: { domain: "acme.test" } })
    ).json()) as SsoDomain;
    host.txt.set(claim.txtRecord.name, [[claim.txtRecord.value]]);
    const answer = await host.call("POST", `/sso/domains/${claim.id}/verify`, { user: "linus" });
    expect(answer.status).toBe(409);
    expect((await answer.json()).detail).toContain("another organization");
  });

  it("replaces an expired token instead of accepting it", async () => {
    let now = Date.UTC(2026, 10, 30);
    const host = ssoHost({ domainTokenTtlMs: 1_000 });
    (contextOf(host.plugboard) as { now: () => number }).now = () => now;
    const domain = (await (
      await host.call("POST", "/sso/domains", { user: "ada", json: { domain: "acme.test" } })
    ).json()) as SsoDomain;
    host.txt.set(domain.txtRecord.name, [[domain.txtRecord.value]]);
    now += 2_000;
    const answer = await host.call("POST", `/sso/domains/${domain.id}/verify`, { user: "ada" });
    expect(answer.status).toBe(409);
    expect((await answer.json()).detail).toContain("expired");
    const [renewed] = (
      (await (await host.call("GET", "/sso/domains", { user: "ada" })).json()) as {
        data: SsoDomain[];
      }
    ).data;
    expect(renewed?.txtRecord.value).not.toBe(domain.txtRecord.value);
    expect(renewed?.verified).toBe(false);
  });

  it("routes a login only through a verified domain", async () => {
    const host = ssoHost();
    await host.createConnection({ protocol: "saml", name: "Okta", saml: { metadataXml } });
    await host.call("POST", "/sso/domains", { user: "ada", json: { domain: "acme.test" } });
    const unverified = await host.startLogin("email=alice@acme.test");
    expect(unverified.response.status).toBe(404);
    expect(await unverified.response.text()).toContain("not set up for acme.test");
    await host.call(
      "DELETE",
      `/sso/domains/${(await (await host.call("GET", "/sso/domains", { user: "ada" })).json()).data[0].id}`,
      { user: "ada" },
    );
    await host.proveDomain("acme.test");
    const verified = await host.startLogin("email=alice@acme.test");
    expect(verified.response.status).toBe(302);
    expect(verified.location?.origin).toBe("https://idp.acme.test");
  });

  it("refuses a returnTo that leaves the site", async () => {
    const host = ssoHost();
    for (const returnTo of ["https://evil.test/", "//evil.test/x", "/\\evil.test"]) {
      const answer = await host.call(
        "GET",
        `/sso/login?email=a@acme.test&returnTo=${encodeURIComponent(returnTo)}`,
      );
      expect(answer.status).toBe(400);
    }
  });
});

describe("SSO enforcement", () => {
  it("tells the host who must use SSO, with break-glass admins", async () => {
    const host = ssoHost();
    await host.proveDomain("acme.test");
    const policy = () => host.plugboard.sso.policyFor("Root@Acme.test");
    expect(await policy()).toMatchObject({
      organizationId: "org_acme",
      ssoAvailable: false,
      passwordAllowed: true,
    });

    await host.createConnection({ protocol: "saml", name: "Okta", saml: { metadataXml } });
    const put = await host.call("PUT", "/sso/policy", {
      user: "ada",
      json: { requireSso: true, breakGlassEmails: ["root@acme.test"] },
    });
    expect(put.status).toBe(200);
    expect(await policy()).toEqual({
      organizationId: "org_acme",
      ssoAvailable: true,
      requireSso: true,
      breakGlass: true,
      passwordAllowed: true,
      loginUrl: "/api/plugboard/sso/login?email=root%40acme.test",
    });
    expect(await host.plugboard.sso.policyFor("alice@acme.test")).toMatchObject({
      requireSso: true,
      breakGlass: false,
      passwordAllowed: false,
    });
    expect(await host.plugboard.sso.policyFor("someone@gmail.com")).toMatchObject({
      organizationId: null,
      passwordAllowed: true,
    });
    expect(await (await host.call("GET", "/sso/policy", { user: "ada" })).json()).toEqual({
      requireSso: true,
      breakGlassEmails: ["root@acme.test"],
    });
  });
});
