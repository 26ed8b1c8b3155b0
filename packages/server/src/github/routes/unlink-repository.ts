import { githubContracts, PlugboardError } from "@plugboard/core";
import { implement } from "../../http/route";

export const unlinkRepository = implement(githubContracts.unlink, {
  async handle({ params, identity, context }) {
    const deleted = await context.store.github.deleteLink(identity.organizationId, params.linkId);
    if (!deleted) throw new PlugboardError({ code: "not_found", detail: "No such link" });
  },
});
