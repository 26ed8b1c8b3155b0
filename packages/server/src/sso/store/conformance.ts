import { describe, expect, it } from "vitest";
import { type StoreUnderTest, storePerTest } from "../../stores/conformance/store-per-test";
import type {
  SsoConnectionRecord,
  SsoDomainRecord,
  SsoLoginAttemptRecord,
  SsoPendingRequestRecord,
} from "./types";

let sequence = 0;
function next(): string {
  sequence += 1;
  return String(sequence).padStart(6, "0");
}

function connectionRecord(overrides: Partial<SsoConnectionRecord> = {}): SsoConnectionRecord {
  return {
    id: `ssoc_conformance${next()}`,
    organizationId: "org_acme",
    name: "Okta",
    protocol: "saml",
    enabled: true,
    attributeMapping: { email: "email", name: "name", groups: "groups" },
    groupRoles: { admins: "admin" },
    saml: {
      idpEntityId: "https://idp.example.com",
      ssoUrl: "https://idp.example.com/sso",
      metadataUrl: null,
      certificates: ["-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"],
      allowIdpInitiated: false,
    },
    oidc: null,
    clientSecretCiphertext: null,
    createdAt: 1_764_000_000_000 + sequence,
    updatedAt: 1_764_000_000_000 + sequence,
    ...overrides,
  };
}

function domainRecord(overrides: Partial<SsoDomainRecord> = {}): SsoDomainRecord {
  return {
    id: `ssod_conformance${next()}`,
    organizationId: "org_acme",
    domain: "acme.test",
    token: "plugboard-verification=abc",
    tokenExpiresAt: 5_000,
    verifiedAt: null,
    createdAt: 1_000 + sequence,
    ...overrides,
  };
}

function attemptRecord(overrides: Partial<SsoLoginAttemptRecord> = {}): SsoLoginAttemptRecord {
  return {
    id: `ssoa_conformance${next()}`,
    organizationId: "org_acme",
    connectionId: "ssoc_1",
    at: 1_000,
    outcome: "refused",
    reason: "signature_invalid",
    detail: "The response is not signed by the IdP's certificate",
    email: null,
    ...overrides,
  };
}

function requestRecord(overrides: Partial<SsoPendingRequestRecord> = {}): SsoPendingRequestRecord {
  return {
    id: `_req${next()}`,
    connectionId: "ssoc_1",
    organizationId: "org_acme",
    browserHash: "f".repeat(64),
    returnTo: "/projects",
    testOrigin: null,
    nonce: null,
    codeVerifierCiphertext: null,
    expiresAt: 2_000,
    ...overrides,
  };
}

export function describeSsoStoreConformance(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void {
  describe(`${name}: SsoStore conformance`, () => {
    const store = storePerTest(makeStore);

    it("keeps connections per organization, round-trips every field, updates and deletes", async () => {
      const saml = connectionRecord();
      const oidc = connectionRecord({
        protocol: "oidc",
        saml: null,
        oidc: {
          issuer: "https://login.example.com",
          clientId: "client",
          scopes: ["openid", "email"],
          allowUnverifiedEmail: false,
        },
        clientSecretCiphertext: "v1.k1.sealed",
      });
      await store().sso.createConnection(oidc);
      await store().sso.createConnection(saml);

      expect(await store().sso.listConnections("org_acme")).toEqual([saml, oidc]);
      expect(await store().sso.getConnection("org_acme", oidc.id)).toEqual(oidc);
      expect(await store().sso.getConnection("org_globex", oidc.id)).toBeNull();
      expect(await store().sso.findConnection(saml.id)).toEqual(saml);
      expect(await store().sso.listSamlConnections()).toEqual([saml]);

      const disabled = {
        ...saml,
        enabled: false,
        name: "Okta (old)",
        updatedAt: saml.updatedAt + 1,
      };
      expect(
        await store().sso.updateConnection({ ...disabled, organizationId: "org_globex" }),
      ).toBe(false);
      expect(await store().sso.updateConnection(disabled)).toBe(true);
      expect(await store().sso.findConnection(saml.id)).toEqual(disabled);

      expect(await store().sso.deleteConnection("org_globex", saml.id)).toBe(false);
      expect(await store().sso.deleteConnection("org_acme", saml.id)).toBe(true);
      expect(await store().sso.listConnections("org_acme")).toEqual([oidc]);
    });

    it("claims a domain once per organization and gives a verified domain one owner", async () => {
      const acme = domainRecord({ organizationId: "org_acme" });
      const globex = domainRecord({ organizationId: "org_globex" });
      expect(await store().sso.addDomain(acme)).toBe(true);
      expect(await store().sso.addDomain(domainRecord({ organizationId: "org_acme" }))).toBe(false);
      expect(await store().sso.addDomain(globex)).toBe(true);
      expect(await store().sso.findVerifiedDomain("acme.test")).toBeNull();

      expect(await store().sso.verifyDomain("org_acme", acme.id, 3_000)).toBe("verified");
      expect(await store().sso.verifyDomain("org_globex", globex.id, 3_100)).toBe("taken");
      expect(await store().sso.verifyDomain("org_globex", acme.id, 3_100)).toBe("missing");
      expect(await store().sso.findVerifiedDomain("acme.test")).toEqual({
        ...acme,
        verifiedAt: 3_000,
      });
      // Checking again keeps the first verification time.
      expect(await store().sso.verifyDomain("org_acme", acme.id, 4_000)).toBe("verified");
      expect((await store().sso.getDomain("org_acme", acme.id))?.verifiedAt).toBe(3_000);

      const renewed = await store().sso.renewDomainToken("org_globex", globex.id, "new", 9_000);
      expect(renewed).toEqual({ ...globex, token: "new", tokenExpiresAt: 9_000 });
      expect(await store().sso.renewDomainToken("org_acme", globex.id, "x", 1)).toBeNull();

      // Once the owner lets go, another organization can prove it.
      expect(await store().sso.deleteDomain("org_acme", acme.id)).toBe(true);
      expect(await store().sso.verifyDomain("org_globex", globex.id, 5_000)).toBe("verified");
      expect(await store().sso.listDomains("org_globex")).toEqual([
        { ...renewed, verifiedAt: 5_000 },
      ]);
      expect(await store().sso.listDomains("org_acme")).toEqual([]);
    });

    it("stores one policy per organization", async () => {
      expect(await store().sso.getPolicy("org_acme")).toBeNull();
      const policy = {
        organizationId: "org_acme",
        requireSso: true,
        breakGlassEmails: ["root@acme.test"],
        updatedAt: 1,
      };
      await store().sso.putPolicy(policy);
      await store().sso.putPolicy({ ...policy, breakGlassEmails: [], updatedAt: 2 });
      expect(await store().sso.getPolicy("org_acme")).toEqual({
        ...policy,
        breakGlassEmails: [],
        updatedAt: 2,
      });
    });

    it("lists login attempts newest first, per connection, bounded", async () => {
      const old = attemptRecord({ at: 1 });
      const other = attemptRecord({ at: 2, connectionId: "ssoc_2" });
      const recent = attemptRecord({
        at: 3,
        outcome: "succeeded",
        reason: null,
        detail: null,
        email: "alice@acme.test",
      });
      for (const attempt of [old, recent, other]) await store().sso.recordAttempt(attempt);
      await store().sso.recordAttempt(attemptRecord({ organizationId: "org_globex" }));

      expect(await store().sso.listAttempts("org_acme", { limit: 10 })).toEqual([
        recent,
        other,
        old,
      ]);
      expect(
        await store().sso.listAttempts("org_acme", { connectionId: "ssoc_1", limit: 1 }),
      ).toEqual([recent]);
    });

    it("hands a pending request out once", async () => {
      const request = requestRecord({
        nonce: "n",
        codeVerifierCiphertext: "sealed",
        testOrigin: "https://app.example.com",
      });
      await store().sso.createRequest(request);
      const [first, second] = await Promise.all([
        store().sso.consumeRequest(request.id),
        store().sso.consumeRequest(request.id),
      ]);
      expect([first, second].filter(Boolean)).toEqual([request]);
    });

    it("remembers an assertion id per connection until it expires", async () => {
      expect(await store().sso.rememberAssertion("ssoc_1", "_a1", 2_000)).toBe(true);
      expect(await store().sso.rememberAssertion("ssoc_1", "_a1", 2_000)).toBe(false);
      expect(await store().sso.rememberAssertion("ssoc_2", "_a1", 2_000)).toBe(true);
      await store().sso.createRequest(requestRecord({ expiresAt: 1_000 }));
      const kept = requestRecord({ expiresAt: 3_000 });
      await store().sso.createRequest(kept);

      expect(await store().sso.deleteExpired(2_500)).toBe(3);
      expect(await store().sso.rememberAssertion("ssoc_1", "_a1", 4_000)).toBe(true);
      expect(await store().sso.consumeRequest(kept.id)).toEqual(kept);
    });
  });
}
