import { type Role, type SsoTestMessage, ssoTestMessageType } from "@plugboard/core";
import type { PlugboardContext } from "../context";
import { openerPageResponse } from "../http/opener-page";
import { cookieValue, ssoCookie } from "./browser-binding";
import { SsoRefusal } from "./refusal";
import type { StartedLogin } from "./store/types";

/** How long the popup has to open the test login URL. */
const ticketTtlMs = 120_000;
const ticketContext = "sso-test-ticket";
const cookieName = "plugboard_sso_test";

/** Who asked for a test run, and where its result goes: sealed into the login URL. */
export interface TestTicket {
  connectionId: string;
  organizationId: string;
  /** The admin's page origin: the result is posted there and nowhere else. */
  returnOrigin: string;
  expiresAt: number;
}

export async function sealTestTicket(
  context: PlugboardContext,
  ticket: Omit<TestTicket, "expiresAt">,
  ttlMs = ticketTtlMs,
): Promise<{ ticket: string; expiresAt: number }> {
  const expiresAt = context.now() + ttlMs;
  const sealed = await context.keyring.encrypt(
    JSON.stringify({ ...ticket, expiresAt }),
    ticketContext,
  );
  return { ticket: sealed, expiresAt };
}

/** The ticket, if the keyring sealed it and it has not expired; else a refusal. */
export async function openTestTicket(
  context: PlugboardContext,
  sealed: string,
): Promise<TestTicket> {
  let ticket: TestTicket;
  try {
    ticket = JSON.parse(await context.keyring.decrypt(sealed, ticketContext)) as TestTicket;
  } catch {
    throw new SsoRefusal(
      "unknown_request",
      "This test link is not valid; start the test again",
      400,
    );
  }
  if (ticket.expiresAt <= context.now()) {
    throw new SsoRefusal("request_expired", "This test link expired; start the test again", 400);
  }
  return ticket;
}

/**
 * A SAML response can be refused before it is matched to the request we sent (a bad signature,
 * another audience): the test run is then recognized by this cookie, set when it started, so
 * its refusal still reaches the admin's page. Cleared when a sign-in that is no test starts.
 */
export async function testRunCookie(
  context: PlugboardContext,
  ticket: TestTicket,
  path: string,
): Promise<string> {
  const { options } = context.sso;
  const { ticket: sealed } = await sealTestTicket(context, ticket, options.requestTtlMs);
  return ssoCookie(
    cookieName,
    encodeURIComponent(sealed),
    options.origin,
    path,
    options.requestTtlMs,
  );
}

export function clearTestRunCookie(context: PlugboardContext, request: Request, path: string) {
  return cookieValue(request, cookieName) === null
    ? null
    : ssoCookie(cookieName, "", context.sso.options.origin, path, 0);
}

/** The test run this browser started for `connectionId`, if its cookie says so. */
export async function testRunOf(
  context: PlugboardContext,
  request: Request,
  connectionId: string | undefined,
): Promise<StartedLogin | null> {
  const value = cookieValue(request, cookieName);
  if (!value || !connectionId) return null;
  try {
    const ticket = await openTestTicket(context, decodeURIComponent(value));
    return ticket.connectionId === connectionId
      ? { returnTo: null, testOrigin: ticket.returnOrigin }
      : null;
  } catch {
    return null;
  }
}

export interface TestProfile {
  email: string;
  name: string | null;
  subject: string;
  groups: string[];
  role: Role | null;
}

/**
 * The last page of a test run: it posts the outcome to the admin's page at its exact origin.
 * Only the mapped profile or the refusal travels: no tokens, assertions or raw attributes.
 */
export function testResultPage(
  connectionId: string,
  targetOrigin: string,
  outcome: { profile: TestProfile } | { refusal: SsoRefusal },
): Response {
  const message: SsoTestMessage =
    "profile" in outcome
      ? { type: ssoTestMessageType, status: "success", connectionId, profile: outcome.profile }
      : {
          type: ssoTestMessageType,
          status: "error",
          connectionId,
          reason: outcome.refusal.reason,
          message: outcome.refusal.detail,
        };
  return openerPageResponse({
    message,
    targetOrigin,
    heading: "profile" in outcome ? "Test sign-in succeeded" : "Test sign-in failed",
    text:
      "profile" in outcome
        ? `The identity provider vouched for ${outcome.profile.email}. Nobody was signed in.`
        : outcome.refusal.detail,
    status: "profile" in outcome ? 200 : outcome.refusal.status,
    role: "profile" in outcome ? "status" : "alert",
  });
}
