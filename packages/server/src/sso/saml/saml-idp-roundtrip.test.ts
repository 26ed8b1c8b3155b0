import { type SamlIdp, startSamlIdp } from "@plugboard/provider-simulators/node";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ssoHost } from "../sso.test-harness";

let idp: SamlIdp;
beforeAll(async () => {
  idp = await startSamlIdp({ users: { "alice@acme.test": { name: "Alice", groups: ["admins"] } } });
});
afterAll(async () => {
  await idp.close();
});

const field = (page: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1]?.replace(/&amp;/g, "&") ?? "";

it("configures a connection from the simulated IdP's metadata URL and signs in through its pages", async () => {
  const host = ssoHost({ allowHttp: true });
  await host.proveDomain("acme.test");
  const connection = await host.createConnection({
    protocol: "saml",
    name: "Simulated IdP",
    saml: { metadataUrl: idp.metadataUrl },
    groupRoles: { admins: "admin" },
  });
  expect(connection.saml).toMatchObject({ idpEntityId: idp.entityId, ssoUrl: `${idp.origin}/sso` });

  const started = await host.startLogin("email=alice%40acme.test&returnTo=/board");
  const signInPage = await (await fetch(started.location as URL)).text();
  expect(signInPage).toContain("Email");
  const signedIn = await fetch(`${idp.origin}/sso/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      SAMLRequest: field(signInPage, "SAMLRequest"),
      email: "alice@acme.test",
    }),
  });
  const postPage = await signedIn.text();
  expect(postPage).toContain(`action="${connection.serviceProvider.acsUrl}"`);

  const answer = await host.call("POST", connection.serviceProvider.acsUrl as string, {
    form: { SAMLResponse: field(postPage, "SAMLResponse") },
    cookie: started.cookie,
  });
  expect(answer.status).toBe(302);
  expect(host.logins[0]).toMatchObject({
    email: "alice@acme.test",
    name: "Alice",
    role: "admin",
    returnTo: "/board",
  });
});
