import { generateSigningKey } from "@plugboard/provider-simulators/node";
import { expect, it } from "vitest";
import { contextOf } from "../context";
import { warnExpiringCertificates } from "./certificate-expiry";
import type { CertificateExpiring } from "./options";
import { ssoHost } from "./sso.test-harness";

it("flags a SAML certificate within 30 days of expiry and warns about it, not about the fresh one", async () => {
  const warnings: CertificateExpiring[] = [];
  const host = ssoHost({ onCertificateExpiring: (warning) => void warnings.push(warning) });
  const old = generateSigningKey("idp.acme.test", 20);
  const next = generateSigningKey("idp.acme.test", 365);
  const connection = await host.createConnection({
    protocol: "saml",
    name: "Okta",
    saml: {
      idpEntityId: "https://idp.acme.test",
      ssoUrl: "https://idp.acme.test/sso",
      certificates: [old.certificate, next.certificate],
    },
  });
  expect(connection.saml?.certificates.map((certificate) => certificate.expiringSoon)).toEqual([
    true,
    false,
  ]);

  const context = contextOf(host.plugboard);
  context.logger = { ...context.logger, warn: () => {} };
  expect(await warnExpiringCertificates(context)).toBe(1);
  expect(warnings).toEqual([
    {
      organizationId: "org_acme",
      connectionId: connection.id,
      fingerprint: connection.saml?.certificates[0]?.fingerprint,
      expiresAt: connection.saml?.certificates[0]?.expiresAt,
    },
  ]);
});

it("publishes certificate.expiring to subscribed endpoints, once per certificate", async () => {
  const host = ssoHost();
  const endpoint = await host.call("POST", "/webhooks/endpoints", {
    user: "ada",
    json: {
      // A public address literal: the SSRF guard passes it without DNS; nothing is delivered here.
      url: "https://93.184.216.34/plugboard",
      eventMode: "individual",
      events: ["certificate.expiring"],
    },
  });
  expect(endpoint.status).toBe(201);
  const endpointId = ((await endpoint.json()) as { endpoint: { id: string } }).endpoint.id;
  const old = generateSigningKey("idp.acme.test", 20);
  const connection = await host.createConnection({
    protocol: "saml",
    name: "Okta",
    saml: {
      idpEntityId: "https://idp.acme.test",
      ssoUrl: "https://idp.acme.test/sso",
      certificates: [old.certificate, generateSigningKey("idp.acme.test", 365).certificate],
    },
  });
  const context = contextOf(host.plugboard);
  context.logger = { ...context.logger, warn: () => {} };
  // Daily: the second day's run finds the same certificate and publishes nothing new.
  await warnExpiringCertificates(context);
  await warnExpiringCertificates(context);

  const messages = (await (
    await host.call("GET", `/webhooks/endpoints/${endpointId}/messages`, { user: "ada" })
  ).json()) as { data: { eventType: string; payload: { data: Record<string, unknown> } }[] };
  const certificate = connection.saml?.certificates[0];
  expect(messages.data).toHaveLength(1);
  expect(messages.data[0]?.eventType).toBe("certificate.expiring");
  expect(messages.data[0]?.payload.data).toEqual({
    organizationId: "org_acme",
    connectionId: connection.id,
    connectionName: "Okta",
    fingerprint: certificate?.fingerprint,
    subject: certificate?.subject,
    expiresAt: certificate?.expiresAt,
  });
});
