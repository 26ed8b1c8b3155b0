import type { SsoTestLogin } from "@plugboard/core";
import {
  buildSamlResponse,
  generateSigningKey,
  type OidcIdp,
  signInAtOidcIdp,
  startOidcIdp,
  toBase64,
} from "@plugboard/provider-simulators/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authnRequestId, BASE, ORIGIN, ssoHost } from "./sso.test-harness";

const CALLBACK = `${BASE}/sso/oidc/callback`;
const client = {
  clientId: "plugboard",
  clientSecret: "oidc-client-secret",
  redirectUris: [CALLBACK],
};
let idp: OidcIdp;

beforeAll(async () => {
  idp = await startOidcIdp({
    clients: [client],
    users: {
      "alice@acme.test": { name: "Alice", groups: ["engineering"] },
      "eve@acme.test": { emailVerified: false },
    },
  });
});
afterAll(async () => {
  await idp.close();
});

async function setup() {
  const host = ssoHost({ allowHttp: true });
  await host.proveDomain("acme.test");
  const connection = await host.createConnection({
    protocol: "oidc",
    name: "Acme OIDC",
    groupRoles: { engineering: "admin" },
    oidc: {
      issuer: idp.issuer,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      scopes: ["openid", "email", "profile", "groups"],
    },
  });

  /** The admin's Test connection: ticket, popup to the IdP, back to the callback. */
  async function dryRun(loginAs: string) {
    const asked = await host.call("POST", `/sso/connections/${connection.id}/test`, {
      user: "ada",
    });
    expect(asked.status).toBe(200);
    const { url } = (await asked.json()) as SsoTestLogin;
    const started = await host.startLogin(new URL(url).search.slice(1));
    if (!started.location) throw new Error(`test start answered ${started.response.status}`);
    const callback = await signInAtOidcIdp(started.location.toString(), loginAs, CALLBACK);
    const page = await host.call("GET", callback.toString(), { cookie: started.cookie });
    return { page, html: await page.text(), callback };
  }

  /** The message the page posts, and the origin it posts it to. */
  function posted(html: string) {
    const message = /var message = (.*);/.exec(html)?.[1];
    const target = /var targetOrigin = (.*);/.exec(html)?.[1];
    return { message: JSON.parse(message ?? "null"), targetOrigin: JSON.parse(target ?? "null") };
  }

  return { host, connection, dryRun, posted };
}

describe("Test connection (a dry run of the login)", () => {
  it("posts the mapped profile to the admin's exact origin and signs nobody in", async () => {
    const t = await setup();
    const { page, html, callback } = await t.dryRun("alice@acme.test");
    expect(page.status).toBe(200);
    expect(t.host.logins).toEqual([]);
    expect(page.headers.get("set-cookie") ?? "").not.toContain("host_session");
    expect(t.posted(html)).toEqual({
      targetOrigin: ORIGIN,
      message: {
        type: "plugboard:sso-test",
        status: "success",
        connectionId: t.connection.id,
        profile: {
          email: "alice@acme.test",
          name: "Alice",
          subject: "alice@acme.test",
          groups: ["engineering"],
          role: "admin",
        },
      },
    });
    expect(html).not.toContain('"*"');
    // No secret travels: not the client secret, the code, nor any token.
    expect(html).not.toContain(client.clientSecret);
    expect(html).not.toContain(callback.searchParams.get("code") ?? "no code?");
    expect(html).not.toMatch(/id_token|access_token|eyJ/);
  });

  it("posts a refusal with its reason, and still signs nobody in", async () => {
    const t = await setup();
    const { page, html } = await t.dryRun("eve@acme.test");
    expect(page.status).toBe(403);
    expect(t.host.logins).toEqual([]);
    expect(t.posted(html)).toEqual({
      targetOrigin: ORIGIN,
      message: {
        type: "plugboard:sso-test",
        status: "error",
        connectionId: t.connection.id,
        reason: "email_unverified",
        message: "The identity provider has not verified this email address",
      },
    });
  });

  it("sends the result only to an allowed app origin, and only admins get a test link", async () => {
    const t = await setup();
    const foreign = await t.host.plugboard.handler(
      new Request(`${BASE}/sso/connections/${t.connection.id}/test`, {
        method: "POST",
        headers: { "x-user": "ada", origin: "https://evil.test" },
      }),
    );
    expect(foreign.status).toBe(403);
    const member = await t.host.call("POST", `/sso/connections/${t.connection.id}/test`, {
      user: "grace",
    });
    expect(member.status).toBe(403);
  });

  it("refuses a forged test link", async () => {
    const t = await setup();
    const started = await t.host.startLogin("test=not-a-sealed-ticket");
    expect(started.response.status).toBe(400);
    expect(started.location).toBeNull();
    expect(await started.response.text()).toContain("Reason: unknown_request");
  });

  it("runs over SAML too, and a response refused before it is matched still reaches the admin's page", async () => {
    const IDP = "https://idp.acme.test/saml";
    const idpKey = generateSigningKey("idp.acme.test");
    const host = ssoHost();
    await host.proveDomain("acme.test");
    const connection = await host.createConnection({
      protocol: "saml",
      name: "Acme SAML",
      saml: { idpEntityId: IDP, ssoUrl: `${IDP}/sso`, certificates: [idpKey.certificate] },
    });
    const { acsUrl, entityId } = connection.serviceProvider as { acsUrl: string; entityId: string };
    const posted = (html: string) => JSON.parse(/var message = (.*);/.exec(html)?.[1] ?? "null");

    async function dryRun() {
      const asked = await host.call("POST", `/sso/connections/${connection.id}/test`, {
        user: "ada",
      });
      const { url } = (await asked.json()) as SsoTestLogin;
      const started = await host.call("GET", url);
      const location = new URL(started.headers.get("location") ?? "");
      // The browser keeps both cookies: the binding and the test run's.
      const cookie = started.headers
        .getSetCookie()
        .map((line) => line.split(";")[0])
        .join("; ");
      return { requestId: authnRequestId(location), cookie };
    }
    const respond = (inResponseTo: string, key = idpKey) =>
      toBase64(
        buildSamlResponse({
          issuer: IDP,
          key,
          acsUrl,
          audience: entityId,
          email: "alice@acme.test",
          name: "Alice",
          groups: ["engineering"],
          inResponseTo,
        }),
      );

    const good = await dryRun();
    const success = await host.call("POST", acsUrl, {
      form: { SAMLResponse: respond(good.requestId) },
      cookie: good.cookie,
    });
    expect(posted(await success.text())).toMatchObject({
      status: "success",
      profile: { email: "alice@acme.test", name: "Alice", groups: ["engineering"] },
    });

    const forged = await dryRun();
    const refused = await host.call("POST", acsUrl, {
      form: { SAMLResponse: respond(forged.requestId, generateSigningKey("attacker.test")) },
      cookie: forged.cookie,
    });
    const html = await refused.text();
    expect(posted(html)).toMatchObject({ status: "error", reason: "signature_invalid" });
    expect(html).toContain(`var targetOrigin = "${ORIGIN}";`);
    expect(host.logins).toEqual([]);

    // A real sign-in started afterwards in the same browser clears the test run's cookie.
    const real = await host.startLogin("email=alice%40acme.test", forged.cookie);
    expect(real.response.headers.getSetCookie().join("\n")).toMatch(
      /plugboard_sso_test=; .*Max-Age=0/,
    );
  });
});
