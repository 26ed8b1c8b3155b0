import { addSsoDomainSchema } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { addDomain, presentDomain } from "../domains";

/** Claims a domain; it routes logins only after `…/verify` finds its TXT record. */
export const addSsoDomain = defineRoute({
  method: "POST",
  path: "/sso/domains",
  role: "admin",
  body: addSsoDomainSchema,
  async handle({ identity, body, context }) {
    return json(presentDomain(await addDomain(context, identity.organizationId, body.domain)), 201);
  },
});
