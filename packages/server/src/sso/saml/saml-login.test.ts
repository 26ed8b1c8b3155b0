import type { SsoLoginAttemptList } from "@plugboard/core";
import {
  buildSamlResponse,
  generateSigningKey,
  type SamlResponseOptions,
  toBase64,
} from "@plugboard/provider-simulators/node";
import { describe, expect, it } from "vitest";
import { authnRequestId, ssoHost } from "../sso.test-harness";

const IDP = "https://idp.acme.test/saml";
const idpKey = generateSigningKey("idp.acme.test");
const otherKey = generateSigningKey("attacker.test");

async function setup(saml: Record<string, unknown> = {}) {
  const host = ssoHost();
  await host.proveDomain("acme.test");
  const connection = await host.createConnection({
    protocol: "saml",
    name: "Acme IdP",
    saml: { idpEntityId: IDP, ssoUrl: `${IDP}/sso`, certificates: [idpKey.certificate], ...saml },
  });
  const { acsUrl, entityId } = connection.serviceProvider as { acsUrl: string; entityId: string };

  /** Starts a login in a browser and returns what the IdP needs to answer it. */
  async function begin(returnTo = "/projects") {
    const started = await host.startLogin(
      `email=alice%40acme.test&returnTo=${encodeURIComponent(returnTo)}`,
    );
    if (!started.location) throw new Error(`login start answered ${started.response.status}`);
    return {
      requestId: authnRequestId(started.location),
      cookie: started.cookie,
      location: started.location,
    };
  }

  function response(overrides: Partial<SamlResponseOptions> = {}) {
    return buildSamlResponse({
      issuer: IDP,
      key: idpKey,
      acsUrl,
      audience: entityId,
      email: "alice@acme.test",
      name: "Alice",
      groups: ["engineering"],
      ...overrides,
    });
  }

  const post = (xml: string, cookie?: string) =>
    host.call("POST", acsUrl, {
      form: { SAMLResponse: toBase64(xml) },
      ...(cookie ? { cookie } : {}),
    });

  async function attempts(): Promise<SsoLoginAttemptList["data"]> {
    const listed = await host.call("GET", `/sso/login-attempts?connectionId=${connection.id}`, {
      user: "ada",
    });
    return ((await listed.json()) as SsoLoginAttemptList).data;
  }

  /** Posts and expects the refusal page with that reason, nobody signed in, the attempt logged. */
  async function expectRefused(answer: Response, reason: string) {
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.headers.get("content-type")).toContain("text/html");
    expect(answer.headers.get("set-cookie")).toBeNull();
    const page = await answer.text();
    expect(page).toContain("Single sign-on failed");
    expect(page).toContain(`Reason: ${reason}`);
    expect(host.logins).toEqual([]);
    expect((await attempts())[0]).toMatchObject({ outcome: "refused", reason });
  }

  return { host, connection, acsUrl, entityId, begin, response, post, attempts, expectRefused };
}

describe("SAML login", () => {
  it("redirects to the IdP with a deflated AuthnRequest and binds it to the browser", async () => {
    const t = await setup();
    const { location, cookie, requestId } = await t.begin();
    expect(location.origin + location.pathname).toBe(`${IDP}/sso`);
    expect(requestId).toMatch(/^_sreq_/);
    expect(cookie).toMatch(/^plugboard_sso=[A-Za-z0-9_-]{43}$/);
    expect(t.connection.serviceProvider.acsUrl).toMatch(
      /^https:\/\/app\.test\/api\/plugboard\/sso\/saml\/ssoc_\w+\/acs$/,
    );
  });

  it("signs in with an assertion-only signature (Entra, Google) and hands the host the profile", async () => {
    const t = await setup();
    const { requestId, cookie } = await t.begin();
    const answer = await t.post(t.response({ inResponseTo: requestId }), cookie);

    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/projects");
    expect(answer.headers.get("set-cookie")).toBe("host_session=signed-in");
    expect(t.host.logins).toHaveLength(1);
    expect(t.host.logins[0]).toMatchObject({
      organizationId: "org_acme",
      connectionId: t.connection.id,
      protocol: "saml",
      email: "alice@acme.test",
      emailVerified: true,
      name: "Alice",
      subject: "alice@acme.test",
      groups: ["engineering"],
      returnTo: "/projects",
    });
    const [attempt] = await t.attempts();
    expect(attempt).toMatchObject({ outcome: "succeeded", reason: null, email: "alice@acme.test" });
    expect(JSON.stringify(attempt)).not.toContain("Signature");
  });

  it("accepts a signed response with an unsigned assertion, and both signed", async () => {
    const t = await setup();
    for (const sign of ["response", "both"] as const) {
      const { requestId, cookie } = await t.begin();
      expect((await t.post(t.response({ inResponseTo: requestId, sign }), cookie)).status).toBe(
        302,
      );
    }
    expect(t.host.logins).toHaveLength(2);
  });

  it("accepts either certificate while the IdP rotates its key", async () => {
    const next = generateSigningKey("idp.acme.test");
    const t = await setup({ certificates: [idpKey.certificate, next.certificate] });
    for (const key of [idpKey, next]) {
      const { requestId, cookie } = await t.begin();
      expect((await t.post(t.response({ inResponseTo: requestId, key }), cookie)).status).toBe(302);
    }
  });

  it("maps an IdP group to a host role", async () => {
    const t = await setup();
    await t.host.call("PATCH", `/sso/connections/${t.connection.id}`, {
      user: "ada",
      json: { groupRoles: { engineering: "admin" } },
    });
    const { requestId, cookie } = await t.begin();
    await t.post(t.response({ inResponseTo: requestId }), cookie);
    expect(t.host.logins[0]?.role).toBe("admin");
  });

  describe("refuses", () => {
    it("an unsigned response", async () => {
      const t = await setup();
      const { requestId, cookie } = await t.begin();
      await t.expectRefused(
        await t.post(t.response({ inResponseTo: requestId, sign: "none" }), cookie),
        "signature_invalid",
      );
    });

    it("a response signed by another key", async () => {
      const t = await setup();
      const { requestId, cookie } = await t.begin();
      await t.expectRefused(
        await t.post(t.response({ inResponseTo: requestId, key: otherKey }), cookie),
        "signature_invalid",
      );
    });

    it("a SHA-1 signature, even by the IdP's own key", async () => {
      const t = await setup();
      const { requestId, cookie } = await t.begin();
      await t.expectRefused(
        await t.post(t.response({ inResponseTo: requestId, algorithm: "sha1" }), cookie),
        "weak_algorithm",
      );
    });

    it("signature wrapping: a second, unsigned assertion next to the signed one", async () => {
      const t = await setup();
      const { requestId, cookie } = await t.begin();
      const signed = t.response({ inResponseTo: requestId, email: "mallory@acme.test" });
      const forged = /<saml:Assertion[\s\S]*<\/saml:Assertion>/
        .exec(signed)?.[0]
        .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, "")
        .replace(/mallory@acme\.test/g, "alice@acme.test")
        .replace(/ID="[^"]+"/, 'ID="_forged"') as string;
      const wrapped = signed.replace("<saml:Assertion", `${forged}<saml:Assertion`);
      await t.expectRefused(await t.post(wrapped, cookie), "multiple_assertions");
    });

    it("signature wrapping: the signed assertion moved into Extensions, a forged one in its place", async () => {
      const t = await setup();
      const { requestId, cookie } = await t.begin();
      const signed = t.response({ inResponseTo: requestId, email: "mallory@acme.test" });
      const original = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(signed)?.[0] as string;
      const forged = original
        .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, "")
        .replace(/mallory@acme\.test/g, "alice@acme.test");
      const moved = signed
        .replace(original, forged)
        .replace(
          "<samlp:Status>",
          `<samlp:Extensions>${original}</samlp:Extensions><samlp:Status>`,
        );
      await t.expectRefused(await t.post(moved, cookie), "multiple_assertions");
    });

    it("signature wrapping: a signed response whose assertion was swapped", async () => {
      const t = await setup();
      const { requestId, cookie } = await t.begin();
      const signed = t.response({
        inResponseTo: requestId,
        email: "mallory@acme.test",
        sign: "response",
      });
      await t.expectRefused(
        await t.post(signed.replace(/mallory@acme\.test/g, "alice@acme.test"), cookie),
        "signature_invalid",
      );
    });

    it("a wrong audience", async () => {
      const t = await setup();
      const { requestId, cookie } = await t.begin();
      await t.expectRefused(
        await t.post(
          t.response({ inResponseTo: requestId, audience: "https://other.test/sp" }),
          cookie,
        ),
        "audience_mismatch",
      );
    });

    it("an expired assertion", async () => {
      const t = await setup();
      const { requestId, cookie } = await t.begin();
      const past = new Date(Date.now() - 3_600_000);
      await t.expectRefused(
        await t.post(
          t.response({
            inResponseTo: requestId,
            notOnOrAfter: past,
            notBefore: new Date(past.getTime() - 600_000),
          }),
          cookie,
        ),
        "expired",
      );
    });

    it("a replayed response", async () => {
      const t = await setup();
      const { requestId, cookie } = await t.begin();
      const xml = t.response({ inResponseTo: requestId });
      expect((await t.post(xml, cookie)).status).toBe(302);
      t.host.logins.length = 0;
      await t.expectRefused(await t.post(xml, cookie), "replayed");
    });

    it("a replay of an IdP-initiated assertion (no InResponseTo) where those are allowed", async () => {
      const t = await setup({ allowIdpInitiated: true });
      const xml = t.response();
      expect((await t.post(xml)).status).toBe(302);
      t.host.logins.length = 0;
      await t.expectRefused(await t.post(xml), "replayed");
    });

    it("an IdP-initiated response by default", async () => {
      const t = await setup();
      await t.expectRefused(await t.post(t.response()), "unsolicited");
    });

    it("a wrong InResponseTo", async () => {
      const t = await setup();
      const { cookie } = await t.begin();
      await t.expectRefused(
        await t.post(t.response({ inResponseTo: "_sreq_unknown" }), cookie),
        "unknown_request",
      );
    });

    it("a response posted from another browser than the one that started the login", async () => {
      const t = await setup();
      const { requestId } = await t.begin();
      const other = await t.begin();
      await t.expectRefused(
        await t.post(t.response({ inResponseTo: requestId }), other.cookie),
        "other_browser",
      );
      const again = await t.begin();
      await t.expectRefused(
        await t.post(t.response({ inResponseTo: again.requestId })),
        "other_browser",
      );
    });

    it("a wrong Destination", async () => {
      const t = await setup();
      const { requestId, cookie } = await t.begin();
      await t.expectRefused(
        await t.post(
          t.response({
            inResponseTo: requestId,
            destination: "https://other.test/acs",
            sign: "both",
          }),
          cookie,
        ),
        "destination_mismatch",
      );
    });

    it("a wrong Recipient", async () => {
      const t = await setup();
      const { requestId, cookie } = await t.begin();
      await t.expectRefused(
        await t.post(
          t.response({ inResponseTo: requestId, recipient: "https://other.test/acs" }),
          cookie,
        ),
        "recipient_mismatch",
      );
    });

    it("a wrong Issuer, signed by a trusted certificate", async () => {
      const t = await setup();
      const { requestId, cookie } = await t.begin();
      await t.expectRefused(
        await t.post(
          t.response({ inResponseTo: requestId, issuer: "https://other-idp.test" }),
          cookie,
        ),
        "issuer_mismatch",
      );
    });

    it("comment injection in the NameID", async () => {
      const t = await setup();
      const { requestId, cookie } = await t.begin();
      const xml = t
        .response({
          inResponseTo: requestId,
          email: "alice@acme.test.evil.test",
          nameIdXml: "alice@acme.test.evil.test",
        })
        .replace(
          ">alice@acme.test.evil.test</saml:NameID>",
          ">alice@acme.test<!---->.evil.test</saml:NameID>",
        );
      await t.expectRefused(await t.post(xml, cookie), "xml_comment");
    });

    it("XML entity expansion (billion laughs) and external entities", async () => {
      const t = await setup();
      const { requestId, cookie } = await t.begin();
      const laughs =
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
      await t.expectRefused(
        await t.post(
          laughs +
            t
              .response({ inResponseTo: requestId })
              .replace("alice@acme.test</saml:NameID>", "&c;</saml:NameID>"),
          cookie,
        ),
        "xml_doctype",
      );
      const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>';
      await t.expectRefused(
        await t.post(xxe + t.response({ inResponseTo: requestId }), cookie),
        "xml_doctype",
      );
    });

    it("a user outside the organization's verified domains", async () => {
      const t = await setup();
      const { requestId, cookie } = await t.begin();
      await t.expectRefused(
        await t.post(t.response({ inResponseTo: requestId, email: "bob@globex.test" }), cookie),
        "domain_not_verified",
      );
    });

    it("a disabled connection", async () => {
      const t = await setup();
      const { requestId, cookie } = await t.begin();
      await t.host.call("PATCH", `/sso/connections/${t.connection.id}`, {
        user: "ada",
        json: { enabled: false },
      });
      await t.expectRefused(
        await t.post(t.response({ inResponseTo: requestId }), cookie),
        "connection_disabled",
      );
    });
  });

  it("lets the host refuse: its 403 is returned and the attempt logged as refused", async () => {
    const host = ssoHost({
      onLogin: async () => new Response("Your account is suspended", { status: 403 }),
    });
    await host.proveDomain("acme.test");
    const created = await host.createConnection({
      protocol: "saml",
      name: "Acme",
      saml: { idpEntityId: IDP, ssoUrl: `${IDP}/sso`, certificates: [idpKey.certificate] },
    });
    const started = await host.startLogin("email=alice@acme.test");
    const xml = buildSamlResponse({
      issuer: IDP,
      key: idpKey,
      acsUrl: created.serviceProvider.acsUrl as string,
      audience: created.serviceProvider.entityId,
      email: "alice@acme.test",
      inResponseTo: authnRequestId(started.location as URL),
    });
    const answer = await host.call("POST", created.serviceProvider.acsUrl as string, {
      form: { SAMLResponse: toBase64(xml) },
      cookie: started.cookie,
    });
    expect(answer.status).toBe(403);
    const listed = await host.call("GET", "/sso/login-attempts", { user: "ada" });
    expect(((await listed.json()) as SsoLoginAttemptList).data[0]).toMatchObject({
      outcome: "refused",
      reason: "host_refused",
    });
  });
});
