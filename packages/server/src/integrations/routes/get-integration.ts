import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { findCatalogEntry } from "./find-entry";
import { installable, presentIntegration } from "./present";

export const getIntegration = defineRoute({
  method: "GET",
  path: "/integrations/:provider",
  async handle({ params, identity, context }) {
    const entry = findCatalogEntry(context, params.provider ?? "");
    const records = await context.store.installations.list(identity.organizationId);
    return json(
      presentIntegration(
        entry,
        records,
        identity,
        installable(entry, context.oauth.providers, context.jiraImport !== null),
      ),
    );
  },
});
