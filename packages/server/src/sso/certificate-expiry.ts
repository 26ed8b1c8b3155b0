import type { PlugboardContext } from "../context";
import { describeCertificates } from "./saml/certificates";

/**
 * Warns about every SAML certificate within 30 days of expiry (daily, on the worker), so the
 * admin rotates it at the IdP and adds the new one before logins start failing: the
 * `onCertificateExpiring` hook each day, and the `certificate.expiring` webhook event once
 * per certificate (its idempotency key is the certificate's fingerprint).
 */
export async function warnExpiringCertificates(context: PlugboardContext): Promise<number> {
  const { options } = context.sso;
  let warned = 0;
  for (const connection of await context.store.sso.listSamlConnections()) {
    if (!connection.saml) continue;
    const certificates = await describeCertificates(connection.saml.certificates, context.now());
    for (const certificate of certificates.filter((candidate) => candidate.expiringSoon)) {
      const warning = {
        organizationId: connection.organizationId,
        connectionId: connection.id,
        fingerprint: certificate.fingerprint,
        expiresAt: certificate.expiresAt,
      };
      context.logger.warn("An SSO signing certificate expires within 30 days", warning);
      await options.onCertificateExpiring?.(warning);
      await context.webhooks.publish({
        organizationId: connection.organizationId,
        type: "certificate.expiring",
        data: { ...warning, connectionName: connection.name, subject: certificate.subject },
        idempotencyKey: `certificate.expiring:${connection.id}:${certificate.fingerprint}`,
      });
      warned += 1;
    }
  }
  return warned;
}
