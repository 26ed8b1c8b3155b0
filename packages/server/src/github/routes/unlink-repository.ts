import { PlugboardError } from "@plugboard/core";
import { noContent } from "../../http/responses";
import { defineRoute } from "../../http/route";

export const unlinkRepository = defineRoute({
  method: "DELETE",
  path: "/providers/github/links/:linkId",
  role: "admin",
  async handle({ params, identity, context }) {
    const deleted = await context.store.github.deleteLink(
      identity.organizationId,
      params.linkId ?? "",
    );
    if (!deleted) throw new PlugboardError({ code: "not_found", detail: "No such link" });
    return noContent();
  },
});
