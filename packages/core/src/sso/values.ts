import { roles } from "../roles";
import type { SsoTestMessage } from "../schemas/sso";

/** The protocols a connection speaks; `ssoProtocolSchema` is built from it. */
export const ssoProtocols = ["saml", "oidc"] as const;

export const ssoTestMessageType = "plugboard:sso-test";

const isStringArray = (value: unknown) =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

/**
 * Whether a posted message is a Test connection page's: `ssoTestMessageSchema`'s check without
 * zod, for the admin's page (which also checks the sender's origin and window).
 */
export function isSsoTestMessage(data: unknown): data is SsoTestMessage {
  if (typeof data !== "object" || data === null) return false;
  const message = data as Record<string, unknown>;
  if (message.type !== ssoTestMessageType || typeof message.connectionId !== "string") return false;
  if (message.status === "error") {
    return typeof message.reason === "string" && typeof message.message === "string";
  }
  if (message.status !== "success") return false;
  const profile = message.profile as Record<string, unknown> | null | undefined;
  return (
    typeof profile === "object" &&
    profile !== null &&
    typeof profile.email === "string" &&
    (profile.name === null || typeof profile.name === "string") &&
    typeof profile.subject === "string" &&
    isStringArray(profile.groups) &&
    (profile.role === null || (roles as readonly unknown[]).includes(profile.role))
  );
}
