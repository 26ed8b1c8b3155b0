import { PlugboardError } from "@plugboard/core";
import { noContent } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { importer } from "./present";

/** Forgets the source, its token and its CSV rows; imported issues stay in the host. */
export const deleteSource = defineRoute({
  method: "DELETE",
  path: "/jira-import/sources/:sourceId",
  role: "admin",
  async handle({ params, identity, context }) {
    importer(context);
    const deleted = await context.store.jiraImport.deleteSource(
      identity.organizationId,
      params.sourceId ?? "",
    );
    if (!deleted) throw new PlugboardError({ code: "not_found", detail: "No such Jira source" });
    return noContent();
  },
});
