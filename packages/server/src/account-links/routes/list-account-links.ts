import { type AccountLinkList, accountLinkQuerySchema, PlugboardError } from "@plugboard/core";
import { readQuery } from "../../http/query";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { presentAccountLink } from "./present";

/** The caller's own links; `?scope=organization` (admins) every link of the organization. */
export const listAccountLinks = defineRoute({
  method: "GET",
  path: "/account-links",
  async handle({ request, identity, context }) {
    const { scope } = readQuery(request, accountLinkQuerySchema);
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
    return json(body);
  },
});
