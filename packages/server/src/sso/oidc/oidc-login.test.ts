import { generateKeyPairSync } from "node:crypto";
import type { SsoLoginAttemptList } from "@plugboard/core";
import { type OidcIdp, signInAtOidcIdp, startOidcIdp } from "@plugboard/provider-simulators/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, ssoHost } from "../sso.test-harness";

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

type Fetch = typeof fetch;

async function setup(options: { fetch?: Fetch; oidc?: Record<string, unknown> } = {}) {
  const host = ssoHost({ allowHttp: true, ...(options.fetch ? { fetch: options.fetch } : {}) });
  await host.proveDomain("acme.test");
  const connection = await host.createConnection({
    protocol: "oidc",
    name: "Acme OIDC",
    oidc: {
      issuer: idp.issuer,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      scopes: ["openid", "email", "profile", "groups"],
      ...options.oidc,
    },
  });

  /** A browser: starts at the app, signs in at the IdP, comes back to the callback with its cookie. */
  async function signIn(loginAs = "alice@acme.test", returnTo = "/issues") {
    const started = await host.startLogin(`email=alice%40acme.test&returnTo=${returnTo}`);
    if (!started.location) throw new Error(`login start answered ${started.response.status}`);
    const callback = await signInAtOidcIdp(started.location.toString(), loginAs, CALLBACK);
    return {
      started,
      callback,
      answer: await host.call("GET", callback.toString(), { cookie: started.cookie }),
    };
  }

  async function attempts() {
    const listed = await host.call("GET", `/sso/login-attempts?connectionId=${connection.id}`, {
      user: "ada",
    });
    return ((await listed.json()) as SsoLoginAttemptList).data;
  }

  /** The refusal page, nobody signed in, and (when the connection is known) the attempt logged. */
  async function expectRefused(answer: Response, reason: string, logged = true) {
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.headers.get("content-type")).toContain("text/html");
    expect(await answer.text()).toContain(`Reason: ${reason}`);
    expect(host.logins).toEqual([]);
    if (logged) expect((await attempts())[0]).toMatchObject({ outcome: "refused", reason });
  }

  return { host, connection, signIn, attempts, expectRefused };
}

/** Rewrites the token endpoint's ID token on its way to Plugboard (a hostile or broken IdP). */
function tamperingFetch(rewrite: (idToken: string) => string): Fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!String(input instanceof Request ? input.url : input).endsWith("/token")) return response;
    const body = (await response.json()) as { id_token: string };
    return Response.json(
      { ...body, id_token: rewrite(body.id_token) },
      { status: response.status },
    );
  };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const decode = (part: string) =>
  JSON.parse(Buffer.from(part, "base64url").toString()) as Record<string, unknown>;

describe("OIDC login", () => {
  it("signs in with code + PKCE + state + nonce and hands the host the claims", async () => {
    const t = await setup();
    const { started, answer } = await t.signIn();
    const authorize = started.location as URL;
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("state")).toBeTruthy();
    expect(authorize.searchParams.get("nonce")).toBeTruthy();
    expect(authorize.searchParams.get("redirect_uri")).toBe(CALLBACK);

    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/issues");
    expect(t.host.logins[0]).toMatchObject({
      organizationId: "org_acme",
      connectionId: t.connection.id,
      protocol: "oidc",
      email: "alice@acme.test",
      emailVerified: true,
      name: "Alice",
      subject: "alice@acme.test",
      groups: ["engineering"],
      returnTo: "/issues",
    });
    const attempts = await t.attempts();
    expect(attempts[0]).toMatchObject({ outcome: "succeeded", email: "alice@acme.test" });
    expect(JSON.stringify(attempts)).not.toContain(client.clientSecret);
  });

  it("refuses the same callback twice, and a callback in another browser", async () => {
    const t = await setup();
    const { started, callback } = await t.signIn();
    t.host.logins.length = 0;
    // The state is gone, and with it any way to tell which connection the callback was for.
    await t.expectRefused(
      await t.host.call("GET", callback.toString(), { cookie: started.cookie }),
      "unknown_request",
      false,
    );

    const again = await t.host.startLogin("email=alice%40acme.test");
    const stolen = await signInAtOidcIdp(
      (again.location as URL).toString(),
      "alice@acme.test",
      CALLBACK,
    );
    await t.expectRefused(await t.host.call("GET", stolen.toString()), "other_browser");
  });

  it("refuses an email the IdP has not verified, unless the connection allows it", async () => {
    const t = await setup();
    await t.expectRefused((await t.signIn("eve@acme.test")).answer, "email_unverified");
    const lenient = await setup({ oidc: { allowUnverifiedEmail: true } });
    const { answer } = await lenient.signIn("eve@acme.test");
    expect(answer.status).toBe(302);
    expect(lenient.host.logins[0]).toMatchObject({ email: "eve@acme.test", emailVerified: false });
  });

  it("refuses an ID token with alg none", async () => {
    const t = await setup({
      fetch: tamperingFetch((token) => {
        const [, payload] = token.split(".");
        return `${base64url({ alg: "none", typ: "JWT" })}.${payload}.`;
      }),
    });
    await t.expectRefused((await t.signIn()).answer, "signature_invalid");
  });

  it("refuses an ID token signed by another key under the IdP's key id", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const { createSign } = await import("node:crypto");
    const t = await setup({
      fetch: tamperingFetch((token) => {
        const [header = "", payload = ""] = token.split(".");
        const forged = base64url({ ...decode(payload), email: "alice@acme.test" });
        const signature = createSign("RSA-SHA256")
          .update(`${header}.${forged}`)
          .sign(privateKey)
          .toString("base64url");
        return `${header}.${forged}.${signature}`;
      }),
    });
    await t.expectRefused((await t.signIn()).answer, "signature_invalid");
  });

  it("fetches the keys again at once when the IdP rotates to a key it has not seen", async () => {
    const t = await setup();
    expect((await t.signIn()).answer.status).toBe(302);
    idp.rotateKeys();
    // openid-client alone would wait out a 60 s cooldown before looking at the JWKS again.
    expect((await t.signIn()).answer.status).toBe(302);
    expect(t.host.logins).toHaveLength(2);
  });

  it("refuses a user outside the organization's verified domains", async () => {
    const t = await setup();
    await t.expectRefused((await t.signIn("mallory@evil.test")).answer, "domain_not_verified");
  });
});
