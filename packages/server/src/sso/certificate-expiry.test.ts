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
