import { type AccountLinkList, accountLinkContracts, PlugboardError } from "@plugboard/core";
import { implement } from "../../http/route";
import { presentAccountLink } from "./present";

/** The caller's own links; `?scope=organization` (admins) every link of the organization. */
export const listAccountLinks = implement(accountLinkContracts.list, {
  async handle({ query: { scope }, identity, context }) {
    if (scope === "organization" && identity.role !== "admin") {
      throw new PlugboardError({
        code: "forbidden",
        detail: "Only admins can list everyone's account links",
      });
    }
    const records = await context.store.accountLinks.list(
      identity.organizationId,
      scope === "organization" ? undefined : identity.userId,
    );
    const body: AccountLinkList = { data: records.map(presentAccountLink) };
    return body;
  },
});
