import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { presentDomain, verifyDomain } from "../domains";

export const verifySsoDomain = defineRoute({
  method: "POST",
  path: "/sso/domains/:domainId/verify",
  role: "admin",
  async handle({ identity, params, context }) {
    return json(
      presentDomain(await verifyDomain(context, identity.organizationId, params.domainId ?? "")),
    );
  },
});
