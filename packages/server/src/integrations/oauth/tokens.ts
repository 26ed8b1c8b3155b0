import { PlugboardError } from "@plugboard/core";
import { contextOf, type PlugboardContext } from "../../context";
import { quoted } from "../../http/quoted";
import type { InstallationRecord } from "../store/types";
import { OAuthExchangeError, type OAuthProvider, type TokenSet } from "./types";

/** Refresh this long before expiry, so a token never expires in the middle of a call. */
const refreshMarginMs = 60_000;

/** How providers say a refresh token is no longer any good: RFC 6749's, GitHub's, Slack's. */
const deadGrantCodes = new Set(["invalid_grant", "bad_refresh_token", "invalid_refresh_token"]);

interface SealedTokens {
  kind: "oauth";
  accessToken: string;
  refreshToken: string | null;
  expiresAt: number | null;
}

/** Tokens to store for an installation (see `sealOAuthTokens`). */
export interface OAuthTokensInput {
  accessToken: string;
  refreshToken?: string | null;
  /** Epoch ms; omit for tokens that do not expire. */
  expiresAt?: number | null;
}

/**
 * The `secret` for an OAuth installation record: the tokens encrypted under the current key,
 * bound to the installation id. For importing connections a host already has, and for fixtures.
 */
export function sealOAuthTokens(
  plugboard: object,
  installationId: string,
  tokens: OAuthTokensInput,
): Promise<string> {
  return sealTokens(contextOf(plugboard), installationId, {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? null,
    expiresAt: tokens.expiresAt ?? null,
    scopes: null,
    account: null,
  });
}

/** Encrypts tokens for one installation; the installation id is the AAD. */
export function sealTokens(
  context: PlugboardContext,
  installationId: string,
  tokens: TokenSet,
): Promise<string> {
  const sealed: SealedTokens = {
    kind: "oauth",
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresAt,
  };
  return context.keyring.encrypt(JSON.stringify(sealed), installationId);
}

export async function openTokens(
  context: PlugboardContext,
  record: InstallationRecord,
): Promise<TokenSet> {
  if (!record.secret) {
    throw new PlugboardError({
      code: "conflict",
      detail: "This installation has no credentials; reconnect it",
    });
  }
  const sealed = JSON.parse(
    await context.keyring.decrypt(record.secret, record.id),
  ) as SealedTokens;
  return {
    accessToken: sealed.accessToken,
    refreshToken: sealed.refreshToken,
    expiresAt: sealed.expiresAt,
    scopes: null,
    account: null,
  };
}

export function providerFor(context: PlugboardContext, providerId: string): OAuthProvider {
  const provider = context.oauth.providers.get(providerId);
  if (!provider) {
    throw new PlugboardError({
      code: "not_found",
      detail: `The host has not configured an OAuth app for ${quoted(providerId)}`,
    });
  }
  return provider;
}

/**
 * A usable access token for the installation: re-encrypted under the current key when it was
 * sealed under an older one, refreshed shortly before it expires. Concurrent callers for one
 * installation share a single refresh; across processes a compare-and-set keeps the winner's.
 */
export async function accessTokenFor(
  context: PlugboardContext,
  record: InstallationRecord,
): Promise<string> {
  const provider = providerFor(context, record.provider);
  const tokens = await openTokens(context, record);
  if (record.secret && context.keyring.needsReencryption(record.secret)) {
    const resealed = await sealTokens(context, record.id, tokens);
    const updated = await context.store.installations.updateCredentials(
      record.organizationId,
      record.id,
      { secret: resealed, updatedAt: context.now() },
      record.secret,
    );
    if (updated) record = { ...record, secret: resealed };
  }
  if (tokens.expiresAt === null || tokens.expiresAt - refreshMarginMs > context.now()) {
    return tokens.accessToken;
  }
  const inFlight = context.oauth.refreshes.get(record.id);
  if (inFlight) return inFlight;
  const refreshing = refresh(context, provider, record, tokens).finally(() => {
    context.oauth.refreshes.delete(record.id);
  });
  context.oauth.refreshes.set(record.id, refreshing);
  return refreshing;
}

async function refresh(
  context: PlugboardContext,
  provider: OAuthProvider,
  record: InstallationRecord,
  tokens: TokenSet,
): Promise<string> {
  const expired = tokens.expiresAt !== null && tokens.expiresAt <= context.now();
  if (!provider.refresh || !tokens.refreshToken) {
    if (!expired) return tokens.accessToken;
    throw reconnect(provider, "its access has expired");
  }
  let fresh: TokenSet;
  try {
    fresh = await provider.refresh(tokens.refreshToken);
  } catch (error) {
    if (!(error instanceof OAuthExchangeError)) throw error;
    if (deadGrantCodes.has(error.code)) {
      const theirs = await refreshedElsewhere(context, record);
      if (theirs) return theirs;
      await markNeedsReconnect(context, record);
      throw reconnect(provider, "it no longer accepts this connection");
    }
    throw new PlugboardError({
      code: "provider_error",
      detail: `${provider.name} could not refresh the connection: ${error.message}`,
    });
  }
  const secret = await sealTokens(context, record.id, fresh);
  const stored = await context.store.installations.updateCredentials(
    record.organizationId,
    record.id,
    {
      secret,
      updatedAt: context.now(),
      status: "active",
      ...(fresh.scopes ? { scopes: fresh.scopes } : {}),
    },
    record.secret,
  );
  if (stored) return fresh.accessToken;
  // Another process refreshed first (or the app was uninstalled): use what is stored now.
  const current = await context.store.installations.get(record.organizationId, record.id);
  if (!current) throw new PlugboardError({ code: "not_found", detail: "No such installation" });
  return (await openTokens(context, current)).accessToken;
}

/**
 * Another process may be refreshing the same installation and have spent the (rotating) refresh
 * token first: wait briefly for its tokens to land in the store before calling ours dead.
 */
async function refreshedElsewhere(
  context: PlugboardContext,
  record: InstallationRecord,
): Promise<string | null> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const current = await context.store.installations.get(record.organizationId, record.id);
    if (!current) return null;
    if (current.secret && current.secret !== record.secret) {
      return (await openTokens(context, current)).accessToken;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}

/**
 * Marks the installation `error` (the integration list shows it as needing a reconnect), keeping
 * its credentials. Only while the stored secret is still the one `record` holds: a reconnect or
 * refresh that stored new tokens meanwhile is not clobbered. Whether the record changed.
 */
export function markNeedsReconnect(
  context: PlugboardContext,
  record: InstallationRecord,
): Promise<boolean> {
  return context.store.installations.updateCredentials(
    record.organizationId,
    record.id,
    { secret: record.secret, updatedAt: context.now(), status: "error" },
    record.secret,
  );
}

function reconnect(provider: OAuthProvider, why: string): PlugboardError {
  return new PlugboardError({
    code: "provider_error",
    detail: `${provider.name} needs to be reconnected: ${why}`,
  });
}

/**
 * Revokes the installation's grant at the provider, when it offers revocation. Failures are
 * logged, not thrown: the installation and its secrets are deleted either way.
 */
export async function revokeAtProvider(
  context: PlugboardContext,
  record: InstallationRecord,
): Promise<void> {
  const provider = context.oauth.providers.get(record.provider);
  if (!provider?.revoke || !record.secret) return;
  try {
    await provider.revoke(await openTokens(context, record));
  } catch (error) {
    context.logger.warn("Could not revoke the token at the provider", {
      provider: record.provider,
      installationId: record.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
