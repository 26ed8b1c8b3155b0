import { PlugboardError, type SsoCertificate } from "@plugboard/core";

const warnAheadMs = 30 * 86_400_000;

/** A certificate as IdPs and admins paste it (PEM, or the bare base64 of metadata), as PEM. */
export function toPem(text: string): string {
  const body = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----`;
}

/** Parses each certificate; one that is not an X.509 certificate is the admin's mistake. */
export async function describeCertificates(pems: readonly string[], now: number) {
  const { X509Certificate } = await import("node:crypto");
  return pems.map((pem, index): SsoCertificate => {
    let certificate: InstanceType<typeof X509Certificate>;
    try {
      certificate = new X509Certificate(pem);
    } catch {
      throw new PlugboardError({
        code: "validation_failed",
        detail: "A certificate could not be read",
        errors: [{ path: `saml.certificates.${index}`, message: "is not an X.509 certificate" }],
      });
    }
    const expiresAt = Date.parse(certificate.validTo);
    return {
      fingerprint: certificate.fingerprint256,
      subject: certificate.subject.replace(/\n/g, ", "),
      expiresAt: new Date(expiresAt).toISOString(),
      expiringSoon: expiresAt - now <= warnAheadMs,
    };
  });
}
