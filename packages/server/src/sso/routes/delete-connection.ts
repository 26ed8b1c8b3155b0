import { PlugboardError, ssoContracts } from "@plugboard/core";
import { implement } from "../../http/route";

export const deleteSsoConnection = implement(ssoContracts.deleteConnection, {
  async handle({ identity, params, context }) {
    if (!(await context.store.sso.deleteConnection(identity.organizationId, params.connectionId))) {
      throw new PlugboardError({ code: "not_found", detail: "No such SSO connection" });
    }
  },
});
