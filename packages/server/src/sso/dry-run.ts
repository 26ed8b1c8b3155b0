import { type Role, type SsoTestMessage, ssoTestMessageType } from "@plugboard/core";
import type { PlugboardContext } from "../context";
import { openerPageResponse } from "../http/opener-page";
import { SsoRefusal } from "./refusal";

/** How long the popup has to open the test login URL. */
const ticketTtlMs = 120_000;
const ticketContext = "sso-test-ticket";

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
): Promise<{ ticket: string; expiresAt: number }> {
  const expiresAt = context.now() + ticketTtlMs;
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
