import { PlugboardError, ssoContracts } from "@plugboard/core";
import { implement } from "../../http/route";

export const deleteSsoDomain = implement(ssoContracts.removeDomain, {
  async handle({ identity, params, context }) {
    if (!(await context.store.sso.deleteDomain(identity.organizationId, params.domainId))) {
      throw new PlugboardError({ code: "not_found", detail: "No such domain" });
    }
  },
});
