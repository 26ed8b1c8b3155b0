import { PlugboardError } from "@plugboard/core";
import type { PlugboardContext } from "../../context";

/** The organization's connection, or 404 (another organization's looks the same as none). */
export async function connectionOr404(
  context: PlugboardContext,
  organizationId: string,
  id: string,
) {
  const record = await context.store.sso.getConnection(organizationId, id);
  if (!record) throw new PlugboardError({ code: "not_found", detail: "No such SSO connection" });
  return record;
}
