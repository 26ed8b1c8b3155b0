import { X509Certificate } from "node:crypto";
import { generateSigningKey } from "@plugboard/provider-simulators/node";
import { describe, expect, it } from "vitest";
import { summarizeCertificate } from "./x509";

describe("summarizeCertificate (the browser-safe X.509 reader)", () => {
  it("reads what node:crypto reads: fingerprint, subject and expiry", async () => {
    for (const days of [20, 365, 36_500]) {
      const { certificate } = generateSigningKey("idp.acme.test", days);
      const node = new X509Certificate(certificate);
      const summary = await summarizeCertificate(certificate);
      expect(summary.fingerprint256).toBe(node.fingerprint256);
      expect(summary.subject).toBe(node.subject.replace(/\n/g, ", "));
      expect(summary.validTo.getTime()).toBe(Date.parse(node.validTo));
    }
  });

  it("throws on text that is not a certificate", async () => {
    await expect(summarizeCertificate("not a certificate")).rejects.toThrow();
    await expect(summarizeCertificate(btoa("x".repeat(100)))).rejects.toThrow();
    const { certificate } = generateSigningKey("idp.acme.test", 20);
    await expect(summarizeCertificate(certificate.slice(0, 200))).rejects.toThrow();
  });
});
