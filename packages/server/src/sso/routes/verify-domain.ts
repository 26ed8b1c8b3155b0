import { ssoContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { presentDomain, verifyDomain } from "../domains";

export const verifySsoDomain = implement(ssoContracts.verifyDomain, {
  async handle({ identity, params, context }) {
    return presentDomain(await verifyDomain(context, identity.organizationId, params.domainId));
  },
});
