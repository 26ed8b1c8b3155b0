import {
  type AuthorizeIntegrationResult,
  integrationContracts,
  PlugboardError,
  randomBase62,
} from "@plugboard/core";
import { generateCodeVerifier } from "arctic";
import { implement } from "../../http/route";
import { hashState, redirectUriFor, returnOriginOf } from "../oauth/origins";
import { providerFor } from "../oauth/tokens";
import { findCatalogEntry } from "./find-entry";

/**
 * Starts an OAuth install: stores a one-time state bound to the caller and answers the consent
 * URL. Organization and project installs need an admin; anyone may connect their own account.
 */
export const authorizeIntegration = implement(integrationContracts.authorize, {
  async handle({ request, params, body, identity, context }) {
    const entry = findCatalogEntry(context, params.provider);
    if (entry.auth !== "oauth") {
      throw new PlugboardError({
        code: "validation_failed",
        detail: `${entry.name} is not connected through OAuth`,
        errors: [{ path: "provider", message: `${entry.name} uses ${entry.auth}` }],
      });
    }
    const provider = providerFor(context, entry.id);
    const projectId = body.projectId ?? null;
    // Without a level: admins install for everyone, members connect their own account.
    const level =
      body.level ??
      (projectId
        ? "project"
        : identity.role === "admin" && entry.levels.includes("organization")
          ? "organization"
          : entry.levels.includes("user")
            ? "user"
            : (entry.levels[0] ?? "organization"));
    if (!entry.levels.includes(level) || (level === "project") !== (projectId !== null)) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: `${entry.name} cannot be installed at the ${level} level`,
        errors: [{ path: "level", message: `Use one of: ${entry.levels.join(", ")}` }],
      });
    }
    if (level !== "user" && identity.role !== "admin") {
      throw new PlugboardError({
        code: "forbidden",
        detail: `Only admins can connect ${entry.name} for everyone`,
      });
    }
    const returnOrigin = returnOriginOf(context, request);
    const now = context.now();
    // 43 base62 characters ≈ 256 bits: unguessable, and only its hash is stored.
    const state = randomBase62(43);
    const id = await hashState(state);
    const codeVerifier = provider.pkce ? generateCodeVerifier() : null;
    const redirectUri = redirectUriFor(context, request, provider);
    await context.store.oauthStates.create({
      id,
      provider: entry.id,
      organizationId: identity.organizationId,
      userId: identity.userId,
      projectId,
      level,
      returnOrigin,
      redirectUri,
      codeVerifier: codeVerifier ? await context.keyring.encrypt(codeVerifier, id) : null,
      createdAt: now,
      expiresAt: now + context.oauth.stateTtlMs,
    });
    const result: AuthorizeIntegrationResult = {
      url: provider.authorizationUrl({ state, codeVerifier, redirectUri }).toString(),
    };
    return result;
  },
});
