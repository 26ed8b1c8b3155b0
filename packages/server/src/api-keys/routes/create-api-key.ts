import { apiKeyContracts, type CreatedApiKey, PlugboardError } from "@plugboard/core";
import { implement } from "../../http/route";
import { assertGrantable, assertMayManageKeys } from "./access";
import { issueApiKey } from "./issue-key";
import { presentApiKey } from "./present";

/** Creates a key for the caller; the secret is in this response and nowhere else, ever. */
export const createApiKey = implement(apiKeyContracts.create, {
  async handle({ body, identity, context }) {
    assertMayManageKeys(context, identity);
    assertGrantable(identity, body.scopes);
    const now = context.now();
    const expiresAt = body.expiresAt ? Date.parse(body.expiresAt) : null;
    if (expiresAt !== null && expiresAt <= now) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: "The expiry must be in the future",
        errors: [{ path: "expiresAt", message: "Must be in the future" }],
      });
    }
    const { secret, record } = await issueApiKey(
      context,
      {
        organizationId: identity.organizationId,
        projectId: body.projectId ?? null,
        createdBy: identity.userId,
        name: body.name,
        scopes: body.scopes,
        rateLimitPerMinute:
          body.rateLimitPerMinute === undefined
            ? context.apiKeys.options.defaultRateLimitPerMinute
            : body.rateLimitPerMinute,
        expiresAt,
        rotatedFromId: null,
      },
      now,
    );
    await context.store.apiKeys.create(record);
    const created: CreatedApiKey = { apiKey: presentApiKey(record, now), secret };
    return created;
  },
});
