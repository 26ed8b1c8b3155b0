import type { SsoDomainList } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { presentDomain } from "../domains";

export const listSsoDomains = defineRoute({
  method: "GET",
  path: "/sso/domains",
  role: "admin",
  async handle({ identity, context }) {
    const records = await context.store.sso.listDomains(identity.organizationId);
    const body: SsoDomainList = { data: records.map(presentDomain) };
    return json(body);
  },
});
