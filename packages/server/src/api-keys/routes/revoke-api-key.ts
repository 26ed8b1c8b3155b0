import { apiKeyContracts, PlugboardError } from "@plugboard/core";
import { implement } from "../../http/route";
import { findManagedKey } from "./access";
import { presentApiKey } from "./present";

/**
 * Revokes a key now (cutting short a rotation's grace period too). The row stays, revoked,
 * so its usage history can still be read.
 */
export const revokeApiKey = implement(apiKeyContracts.revoke, {
  async handle({ params, identity, context }) {
    const record = await findManagedKey(context, identity, params.keyId);
    const now = context.now();
    const revoked = await context.store.apiKeys.revoke(identity.organizationId, record.id, now);
    if (!revoked) throw new PlugboardError({ code: "not_found", detail: "No such API key" });
    context.apiKeys.forget(revoked);
    return presentApiKey(revoked, now);
  },
});
