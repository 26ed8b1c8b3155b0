import { PlugboardError } from "@plugboard/core";
import { noContent } from "../../http/responses";
import { defineRoute } from "../../http/route";

export const deleteSsoConnection = defineRoute({
  method: "DELETE",
  path: "/sso/connections/:connectionId",
  role: "admin",
  async handle({ identity, params, context }) {
    if (
      !(await context.store.sso.deleteConnection(
        identity.organizationId,
        params.connectionId ?? "",
      ))
    ) {
      throw new PlugboardError({ code: "not_found", detail: "No such SSO connection" });
    }
    return noContent();
  },
});
