import { PlugboardError, type SsoCertificate } from "@plugboard/core";
import { summarizeCertificate, type X509Summary } from "./x509";

const warnAheadMs = 30 * 86_400_000;

/** A certificate as IdPs and admins paste it (PEM, or the bare base64 of metadata), as PEM. */
export function toPem(text: string): string {
  const body = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----`;
}

/** Parses each certificate; one that is not an X.509 certificate is the admin's mistake. */
export async function describeCertificates(
  pems: readonly string[],
  now: number,
): Promise<SsoCertificate[]> {
  const described: SsoCertificate[] = [];
  for (const [index, pem] of pems.entries()) {
    let certificate: X509Summary;
    try {
      certificate = await summarizeCertificate(pem);
    } catch {
      throw new PlugboardError({
        code: "validation_failed",
        detail: "A certificate could not be read",
        errors: [{ path: `saml.certificates.${index}`, message: "is not an X.509 certificate" }],
      });
    }
    const expiresAt = certificate.validTo.getTime();
    described.push({
      fingerprint: certificate.fingerprint256,
      subject: certificate.subject,
      expiresAt: new Date(expiresAt).toISOString(),
      expiringSoon: expiresAt - now <= warnAheadMs,
    });
  }
  return described;
}
