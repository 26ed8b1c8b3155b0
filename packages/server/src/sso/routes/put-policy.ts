import { ssoPolicySchema } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";

/** Require SSO for the organization's verified domains, with a few break-glass admins. */
export const putSsoPolicy = defineRoute({
  method: "PUT",
  path: "/sso/policy",
  role: "admin",
  body: ssoPolicySchema,
  async handle({ identity, body, context }) {
    await context.store.sso.putPolicy({
      organizationId: identity.organizationId,
      requireSso: body.requireSso,
      breakGlassEmails: [...new Set(body.breakGlassEmails)],
      updatedAt: context.now(),
    });
    return json(body);
  },
});
