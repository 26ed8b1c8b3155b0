import { randomBase62 } from "@plugboard/core";
import type { HostCall } from "../host/port";
import { hashState } from "../integrations/oauth/origins";
import type { AccountLinkStore } from "./store/types";

/** How long a "Connect your account" link works. */
export const linkIntentTtlMs = 15 * 60 * 1000;

export interface ProviderUser {
  organizationId: string;
  provider: string;
  externalUserId: string;
  /** The provider workspace (Slack team) the user belongs to. */
  externalAccountId?: string | null;
  externalUserName?: string | null;
}

interface LinkContext {
  store: { accountLinks: AccountLinkStore };
  basePath: string;
  now: () => number;
}

/**
 * A one-time, expiring link that the provider user opens while signed in to the host app to
 * say "this is me". Only the token's hash is stored.
 */
export async function createLinkUrl(
  context: LinkContext,
  user: ProviderUser,
  origin: string,
): Promise<{ url: string; expiresAt: number }> {
  const token = randomBase62(43);
  const expiresAt = context.now() + linkIntentTtlMs;
  await context.store.accountLinks.createIntent({
    id: await hashState(token),
    organizationId: user.organizationId,
    provider: user.provider,
    externalUserId: user.externalUserId,
    externalAccountId: user.externalAccountId ?? null,
    externalUserName: user.externalUserName ?? null,
    expiresAt,
  });
  const url = new URL(`${context.basePath}/account-links/confirm`, origin);
  url.searchParams.set("token", token);
  return { url: url.toString(), expiresAt };
}

export type LinkedAction<T> =
  | { status: "done"; result: T }
  | { status: "link_required"; url: string; expiresAt: number };

/**
 * Runs an action from a provider user as the host user linked to them. An unlinked user gets a
 * link to connect their account instead, and nothing runs: never as the installer, never as
 * anybody else.
 */
export async function asLinkedUser<T>(
  context: LinkContext,
  user: ProviderUser,
  origin: string,
  action: (call: HostCall) => Promise<T>,
): Promise<LinkedAction<T>> {
  const link = await context.store.accountLinks.find(
    user.organizationId,
    user.provider,
    user.externalUserId,
  );
  if (!link) return { status: "link_required", ...(await createLinkUrl(context, user, origin)) };
  const result = await action({
    organizationId: link.organizationId,
    actor: { userId: link.userId },
  });
  return { status: "done", result };
}
