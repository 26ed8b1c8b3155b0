import { apiKeyContracts, PlugboardError } from "@plugboard/core";
import { implement } from "../../http/route";
import { findManagedKey } from "./access";
import { presentApiKey } from "./present";

/** Renames a key, or switches it off and on again (`DISABLED` while off). */
export const updateApiKey = implement(apiKeyContracts.update, {
  async handle({ params, body, identity, context }) {
    const record = await findManagedKey(context, identity, params.keyId);
    const now = context.now();
    const updated = await context.store.apiKeys.update(identity.organizationId, record.id, {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.enabled === undefined
        ? {}
        : { disabledAt: body.enabled ? null : (record.disabledAt ?? now) }),
      updatedAt: now,
    });
    if (!updated) throw new PlugboardError({ code: "not_found", detail: "No such API key" });
    context.apiKeys.forget(updated);
    return presentApiKey(updated, now);
  },
});
