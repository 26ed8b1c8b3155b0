import { apiKeyContracts, type CreatedApiKey, PlugboardError } from "@plugboard/core";
import { implement } from "../../http/route";
import { apiKeyStatus } from "../status";
import { assertGrantable, findManagedKey } from "./access";
import { issueApiKey } from "./issue-key";
import { presentApiKey } from "./present";

/** One successor per key: rotate the successor instead. */
const alreadyRotated = () =>
  new PlugboardError({
    code: "conflict",
    detail: "This key was already rotated or revoked; rotate its successor instead",
  });

/**
 * Issues a successor with the same name, scopes, project, rate limit and lifetime, and keeps
 * the old key working for the grace period (0 revokes it now), so deployments can switch over.
 */
export const rotateApiKey = implement(apiKeyContracts.rotate, {
  async handle({ params, body, identity, context }) {
    const old = await findManagedKey(context, identity, params.keyId);
    const now = context.now();
    const status = apiKeyStatus(old, now);
    if (status === "revoked" || status === "expired") {
      throw new PlugboardError({ code: "conflict", detail: `A ${status} key cannot be rotated` });
    }
    if (old.revokedAt !== null) throw alreadyRotated();
    assertGrantable(identity, old.scopes);
    const lifetime = old.expiresAt === null ? null : old.expiresAt - old.createdAt;
    const { secret, record } = await issueApiKey(
      context,
      {
        organizationId: old.organizationId,
        projectId: old.projectId,
        createdBy: old.createdBy,
        name: old.name,
        scopes: old.scopes,
        rateLimitPerMinute: old.rateLimitPerMinute,
        expiresAt: lifetime === null ? null : now + lifetime,
        rotatedFromId: old.id,
      },
      now,
    );
    const grace = body.gracePeriodSeconds * 1000;
    const rotated = await context.store.apiKeys.rotate(
      identity.organizationId,
      old.id,
      record,
      now + grace,
    );
    // Lost a race with another rotation or a revoke: the successor issued above is not stored.
    if (!rotated) throw alreadyRotated();
    context.apiKeys.forget(rotated);
    const created: CreatedApiKey = { apiKey: presentApiKey(record, now), secret };
    return created;
  },
});
