import { createId, type Role } from "@plugboard/core";
import type { PlugboardContext } from "../context";
import { testResultPage } from "./dry-run";
import type { SsoLogin } from "./options";
import { refusalPage, SsoRefusal } from "./refusal";
import type { SsoConnectionRecord, StartedLogin } from "./store/types";

/** A response sent unasked (IdP-initiated): no return path, never a test run. */
export const unsolicited: StartedLogin = { returnTo: null, testOrigin: null };

export interface VerifiedIdentity {
  email: string;
  emailVerified: boolean;
  name: string | null;
  subject: string;
  groups: string[];
  attributes: Record<string, unknown>;
}

/** Logs one attempt for the connection: when, how it ended, why. Never tokens or assertions. */
export async function recordAttempt(
  context: PlugboardContext,
  connection: SsoConnectionRecord,
  outcome: { refusal: SsoRefusal } | { email: string; refusal?: SsoRefusal },
): Promise<void> {
  const refusal = outcome.refusal ?? null;
  await context.store.sso.recordAttempt({
    id: createId("ssoa"),
    organizationId: connection.organizationId,
    connectionId: connection.id,
    at: context.now(),
    outcome: refusal ? "refused" : "succeeded",
    reason: refusal?.reason ?? null,
    detail: refusal?.detail ?? null,
    email: "email" in outcome ? outcome.email.slice(0, 320) : null,
  });
}

/**
 * The refusal page, after logging the attempt against the connection (when one is known). A
 * test run's refusal is posted to the admin's page instead.
 */
export async function refuse(
  context: PlugboardContext,
  connection: SsoConnectionRecord | null,
  error: unknown,
  started: StartedLogin | null = null,
): Promise<Response> {
  if (!(error instanceof SsoRefusal)) throw error;
  if (connection) await recordAttempt(context, connection, { refusal: error });
  if (connection && started?.testOrigin) {
    return testResultPage(connection.id, started.testOrigin, { refusal: error });
  }
  return refusalPage(error);
}

function roleFor(connection: SsoConnectionRecord, groups: string[]): Role | null {
  for (const [group, role] of Object.entries(connection.groupRoles)) {
    if (groups.includes(group)) return role;
  }
  return null;
}

/**
 * The IdP vouched for someone: the email must belong to a domain this connection's organization
 * proved (an IdP speaks for its own organization only), then the host signs them in — unless
 * this is a test run, whose mapped profile goes to the admin's page and signs nobody in.
 */
export async function finishLogin(
  context: PlugboardContext,
  connection: SsoConnectionRecord,
  identity: VerifiedIdentity,
  started: StartedLogin,
  request: Request,
): Promise<Response> {
  const email = identity.email.toLowerCase();
  const at = email.lastIndexOf("@");
  const domain = at > 0 ? email.slice(at + 1) : "";
  const owner = domain ? await context.store.sso.findVerifiedDomain(domain) : null;
  if (!owner || owner.organizationId !== connection.organizationId) {
    const refusal = new SsoRefusal(
      "domain_not_verified",
      `${email || "The identity provider's user"} is not in a domain this organization has verified`,
    );
    await recordAttempt(context, connection, { email, refusal });
    return started.testOrigin
      ? testResultPage(connection.id, started.testOrigin, { refusal })
      : refusalPage(refusal);
  }
  const role = roleFor(connection, identity.groups);
  if (started.testOrigin) {
    const { name, subject, groups } = identity;
    return testResultPage(connection.id, started.testOrigin, {
      profile: { email, name, subject, groups, role },
    });
  }
  const login: SsoLogin = {
    organizationId: connection.organizationId,
    connectionId: connection.id,
    protocol: connection.protocol,
    email,
    emailVerified: identity.emailVerified,
    name: identity.name,
    subject: identity.subject,
    groups: identity.groups,
    role,
    attributes: identity.attributes,
    returnTo: started.returnTo,
    request,
  };
  const response = await context.sso.options.onLogin(login);
  await recordAttempt(context, connection, {
    email,
    ...(response.status >= 400
      ? {
          refusal: new SsoRefusal(
            "host_refused",
            `The app refused the sign-in (${response.status})`,
          ),
        }
      : {}),
  });
  return response;
}
