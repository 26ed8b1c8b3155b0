import { PlugboardError } from "@plugboard/core";
import { noContent } from "../../http/responses";
import { defineRoute } from "../../http/route";

export const deleteSsoDomain = defineRoute({
  method: "DELETE",
  path: "/sso/domains/:domainId",
  role: "admin",
  async handle({ identity, params, context }) {
    if (!(await context.store.sso.deleteDomain(identity.organizationId, params.domainId ?? ""))) {
      throw new PlugboardError({ code: "not_found", detail: "No such domain" });
    }
    return noContent();
  },
});
