import { type SsoPolicy, ssoContracts } from "@plugboard/core";
import { implement } from "../../http/route";

export const getSsoPolicy = implement(ssoContracts.getPolicy, {
  async handle({ identity, context }) {
    const record = await context.store.sso.getPolicy(identity.organizationId);
    const body: SsoPolicy = {
      requireSso: record?.requireSso ?? false,
      breakGlassEmails: record?.breakGlassEmails ?? [],
    };
    return body;
  },
});
