import { accountLinkPaths as paths } from "../routes/account-links";
import { accountLinkListSchema, accountLinkQuerySchema } from "../schemas/account-links";
import { defineContract } from "./contract";

/** Provider users linked to host users. The confirmation link itself is a server page. */
export const accountLinkContracts = {
  /** The caller's own links; `scope: "organization"` (admins) every link of the organization. */
  list: defineContract({
    ...paths.list,
    query: accountLinkQuerySchema,
    response: accountLinkListSchema,
  }),
  /** A user removes their own link; admins anyone's. */
  remove: defineContract(paths.remove),
};
