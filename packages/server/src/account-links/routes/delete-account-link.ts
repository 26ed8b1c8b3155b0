import { accountLinkContracts, PlugboardError } from "@plugboard/core";
import { implement } from "../../http/route";

/** A user removes their own link; admins anyone's. Another user's link answers 404 to members. */
export const deleteAccountLink = implement(accountLinkContracts.remove, {
  async handle({ params, identity, context }) {
    const link = await context.store.accountLinks.get(identity.organizationId, params.linkId);
    if (!link || (identity.role !== "admin" && link.userId !== identity.userId)) {
      throw new PlugboardError({ code: "not_found", detail: "No such account link" });
    }
    await context.store.accountLinks.delete(identity.organizationId, link.id);
  },
});
