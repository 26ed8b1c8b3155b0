import { type SsoDomainList, ssoContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { presentDomain } from "../domains";

export const listSsoDomains = implement(ssoContracts.listDomains, {
  async handle({ identity, context }) {
    const records = await context.store.sso.listDomains(identity.organizationId);
    const body: SsoDomainList = { data: records.map(presentDomain) };
    return body;
  },
});
