import type { SsoPolicy } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";

export const getSsoPolicy = defineRoute({
  method: "GET",
  path: "/sso/policy",
  role: "admin",
  async handle({ identity, context }) {
    const record = await context.store.sso.getPolicy(identity.organizationId);
    const body: SsoPolicy = {
      requireSso: record?.requireSso ?? false,
      breakGlassEmails: record?.breakGlassEmails ?? [],
    };
    return json(body);
  },
});
