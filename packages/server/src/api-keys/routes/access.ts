import {
  type ApiKeyScope,
  type Identity,
  PlugboardError,
  ungrantableScopes,
} from "@plugboard/core";
import type { PlugboardContext } from "../../context";
import type { ApiKeyRecord } from "../store/types";

/** Members manage their own keys (unless the host said `memberAccess: "none"`), admins all. */
export function assertMayManageKeys(context: PlugboardContext, identity: Identity): void {
  if (identity.role !== "admin" && context.apiKeys.options.memberAccess === "none") {
    throw new PlugboardError({ code: "forbidden", detail: "Only admins can manage API keys" });
  }
}

/** A key the caller may manage; another member's key is answered as missing, not forbidden. */
export async function findManagedKey(
  context: PlugboardContext,
  identity: Identity,
  id: string,
): Promise<ApiKeyRecord> {
  assertMayManageKeys(context, identity);
  const record = await context.store.apiKeys.get(identity.organizationId, id);
  if (!record || (identity.role !== "admin" && record.createdBy !== identity.userId)) {
    throw new PlugboardError({ code: "not_found", detail: "No such API key" });
  }
  return record;
}

/** A key never carries more than its creator's role allows (see `grantableScopes`). */
export function assertGrantable(identity: Identity, scopes: readonly ApiKeyScope[]): void {
  const denied = ungrantableScopes(identity.role, scopes);
  if (denied.length > 0) {
    throw new PlugboardError({
      code: "forbidden",
      detail: `Your role cannot grant ${denied.join(", ")}`,
      errors: [{ path: "scopes", message: `Not allowed for your role: ${denied.join(", ")}` }],
    });
  }
}
