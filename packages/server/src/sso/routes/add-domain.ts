import { ssoContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { addDomain, presentDomain } from "../domains";

/** Claims a domain; it routes logins only after `…/verify` finds its TXT record. */
export const addSsoDomain = implement(ssoContracts.addDomain, {
  async handle({ identity, body, context }) {
    return presentDomain(await addDomain(context, identity.organizationId, body.domain));
  },
});
