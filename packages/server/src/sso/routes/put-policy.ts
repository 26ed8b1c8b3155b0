import { ssoContracts } from "@plugboard/core";
import { implement } from "../../http/route";

/** Require SSO for the organization's verified domains, with a few break-glass admins. */
export const putSsoPolicy = implement(ssoContracts.putPolicy, {
  async handle({ identity, body, context }) {
    await context.store.sso.putPolicy({
      organizationId: identity.organizationId,
      requireSso: body.requireSso,
      breakGlassEmails: [...new Set(body.breakGlassEmails)],
      updatedAt: context.now(),
    });
    return body;
  },
});
