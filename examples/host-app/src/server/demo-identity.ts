import type { Identity } from "@plugboard/core";

/**
 * The demo has no login: everyone is Ada (an admin of Acme) unless the page's role switcher set
 * the `demo_user` cookie to Grace (a member). A real host returns its own session's user here.
 */
export const demoUsers = {
  ada: { userId: "user_ada", organizationId: "org_acme", role: "admin" },
  grace: { userId: "user_grace", organizationId: "org_acme", role: "member" },
  // Signs in with SSO only (alice@acme.test at the demo's identity providers).
  alice: { userId: "user_alice", organizationId: "org_acme", role: "member" },
} satisfies Record<string, Identity>;

/** Who a `Cookie` header signs in: Ada without one, nobody for an unknown name. */
export function identityFromCookie(cookie: string | undefined): Identity | null {
  const user = /(?:^|;\s*)demo_user=([a-z]+)/.exec(cookie ?? "")?.[1] ?? "ada";
  return user in demoUsers ? demoUsers[user as keyof typeof demoUsers] : null;
}

/** `authenticate` for Plugboard. */
export function demoIdentity(request: Request): Identity | null {
  return identityFromCookie(request.headers.get("cookie") ?? undefined);
}
