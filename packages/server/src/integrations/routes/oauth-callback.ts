import { createId, isPlugboardError, type OAuthErrorCode, oauthMessageType } from "@plugboard/core";
import type { PlugboardContext } from "../../context";
import { definePublicRoute } from "../../http/route";
import { callbackPageResponse } from "../oauth/callback-page";
import { allowedOrigins, hashState } from "../oauth/origins";
import { sealTokens } from "../oauth/tokens";
import {
  type ExternalAccount,
  OAuthExchangeError,
  type OAuthProvider,
  type TokenSet,
} from "../oauth/types";
import type { OAuthStateRecord } from "../store/oauth-state-types";
import { type InstallationRecord, installationPlace } from "../store/types";

/** Provider-supplied text shown on the page: escaped there, and kept short here. */
const clip = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/**
 * Where the provider sends the popup back. The one-time state says who started the flow (no
 * host session is needed, but a signed-in different user is refused); the code is exchanged
 * here, the tokens stored encrypted, and the page tells the opener how it went.
 */
export const oauthCallback = definePublicRoute({
  method: "GET",
  path: "/integrations/:provider/callback",
  auth: "optional",
  async handle({ request, params, identity, context }) {
    const providerId = params.provider;
    // Only catalog entries reach the page: echoing the path would let a link spoof the heading.
    const entry = context.catalog.find((candidate) => candidate.id === providerId);
    const name = entry?.name ?? "the integration";
    const query = new URL(request.url).searchParams;
    let targetOrigin = allowedOrigins(context, request)[0] as string;

    const fail = (error: OAuthErrorCode, text: string, status: number) =>
      callbackPageResponse({
        message: {
          type: oauthMessageType,
          status: "error",
          provider: entry ? providerId : "unknown",
          error,
          message: text,
        },
        targetOrigin,
        heading: `Could not connect ${name}`,
        text,
        status,
      });

    try {
      const state = query.get("state");
      const record = state ? await context.store.oauthStates.consume(await hashState(state)) : null;
      if (!record || record.provider !== providerId) {
        return fail(
          "invalid_state",
          "This sign-in link was already used or is not valid. Start again from the integrations page.",
          400,
        );
      }
      targetOrigin = record.returnOrigin;
      if (record.expiresAt <= context.now()) {
        return fail(
          "expired_state",
          "This sign-in link expired. Start again from the integrations page.",
          400,
        );
      }
      if (
        identity &&
        (identity.userId !== record.userId || identity.organizationId !== record.organizationId)
      ) {
        return fail(
          "user_mismatch",
          `Another user started connecting ${name}. Sign in as that user, or start again yourself.`,
          403,
        );
      }
      const providerError = query.get("error");
      if (providerError === "access_denied") {
        return fail(
          "access_denied",
          `You cancelled connecting ${name}. Nothing was installed.`,
          400,
        );
      }
      if (providerError) {
        const description = query.get("error_description") ?? providerError;
        return fail("provider_error", `${name} reported an error: ${clip(description)}`, 502);
      }
      const code = query.get("code");
      if (!code)
        return fail("provider_error", `${name} sent no authorization code. Start again.`, 400);
      const provider = context.oauth.providers.get(providerId);
      if (!provider)
        return fail("not_configured", `${name} is not configured on this server.`, 404);

      const codeVerifier = record.codeVerifier
        ? await context.keyring.decrypt(record.codeVerifier, record.id)
        : null;
      let tokens: TokenSet;
      try {
        tokens = await provider.exchangeCode(code, codeVerifier, record.redirectUri);
      } catch (error) {
        if (!(error instanceof OAuthExchangeError)) throw error;
        return fail(
          "provider_error",
          `${name} did not accept the sign-in (${clip(error.message)}). Start again.`,
          502,
        );
      }
      const integrationId = await install(context, provider, record, tokens);
      return callbackPageResponse({
        message: { type: oauthMessageType, status: "success", provider: providerId, integrationId },
        targetOrigin,
        heading: `${name} is connected`,
        text: "You can close this window.",
        status: 200,
      });
    } catch (error) {
      if (isPlugboardError(error) && error.code === "conflict") {
        return fail(
          "conflict",
          `${name} was connected here at the same moment. Reload the page.`,
          409,
        );
      }
      // Only the message is logged; the page says nothing about internals.
      context.logger.error("OAuth callback failed", {
        provider: providerId,
        error: error instanceof Error ? error.message : String(error),
      });
      return fail(
        "provider_error",
        "Something went wrong on our side. Try again in a moment.",
        500,
      );
    }
  },
});

/** Records the installation, or reconnects the one already at that place. Its id. */
async function install(
  context: PlugboardContext,
  provider: OAuthProvider,
  state: OAuthStateRecord,
  tokens: TokenSet,
): Promise<string> {
  const account: ExternalAccount =
    tokens.account ??
    (await provider.account(tokens).catch((error: unknown) => {
      context.logger.warn("Could not read the connected account", {
        provider: provider.id,
        error: error instanceof Error ? error.message : String(error),
      });
      return { id: null, name: null };
    }));
  const now = context.now();
  const record: InstallationRecord = {
    id: createId("ins"),
    provider: provider.id,
    organizationId: state.organizationId,
    projectId: state.projectId,
    level: state.level,
    status: "active",
    externalAccountName: account.name,
    externalAccountId: account.id,
    externalEnterpriseId: account.enterpriseId ?? null,
    scopes: tokens.scopes ?? provider.scopes,
    installedBy: state.userId,
    secret: null,
    createdAt: now,
    updatedAt: now,
  };
  const existing = (await context.store.installations.list(state.organizationId)).find(
    (candidate) =>
      candidate.provider === record.provider &&
      installationPlace(candidate) === installationPlace(record),
  );
  if (existing) {
    await context.store.installations.updateCredentials(state.organizationId, existing.id, {
      secret: await sealTokens(context, existing.id, tokens),
      scopes: record.scopes,
      externalAccountName: account.name,
      externalAccountId: account.id,
      externalEnterpriseId: account.enterpriseId ?? null,
      status: "active",
      updatedAt: now,
    });
    return existing.id;
  }
  record.secret = await sealTokens(context, record.id, tokens);
  await context.store.installations.create(record);
  return record.id;
}
