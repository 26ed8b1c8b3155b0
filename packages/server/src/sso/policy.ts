import type { PlugboardContext } from "../context";

/** What the host's own sign-in should do for an email (`plugboard.sso.policyFor(email)`). */
export interface SsoPolicyDecision {
  /** The organization that verified the email's domain, or null. */
  organizationId: string | null;
  /** An enabled connection will take this email. */
  ssoAvailable: boolean;
  /** The organization requires SSO for its domains. */
  requireSso: boolean;
  /** A break-glass admin: may still sign in the usual way when SSO is required. */
  breakGlass: boolean;
  /** Whether the host may accept its own password (or other usual) sign-in. */
  passwordAllowed: boolean;
  /** Where to send the browser to sign in with SSO (relative to the host's origin). */
  loginUrl: string | null;
}

export async function policyFor(
  context: PlugboardContext,
  email: string,
): Promise<SsoPolicyDecision> {
  const address = email.trim().toLowerCase();
  const domain = address.includes("@") ? address.slice(address.lastIndexOf("@") + 1) : "";
  const owner = domain ? await context.store.sso.findVerifiedDomain(domain) : null;
  if (!owner) {
    return {
      organizationId: null,
      ssoAvailable: false,
      requireSso: false,
      breakGlass: false,
      passwordAllowed: true,
      loginUrl: null,
    };
  }
  const [policy, connections] = await Promise.all([
    context.store.sso.getPolicy(owner.organizationId),
    context.store.sso.listConnections(owner.organizationId),
  ]);
  const ssoAvailable = connections.some((connection) => connection.enabled);
  // Requiring SSO with no enabled connection would lock everyone out: it applies once one works.
  const requireSso = (policy?.requireSso ?? false) && ssoAvailable;
  const breakGlass = policy?.breakGlassEmails.includes(address) ?? false;
  return {
    organizationId: owner.organizationId,
    ssoAvailable,
    requireSso,
    breakGlass,
    passwordAllowed: !requireSso || breakGlass,
    loginUrl: ssoAvailable
      ? `${context.basePath}/sso/login?email=${encodeURIComponent(address)}`
      : null,
  };
}
