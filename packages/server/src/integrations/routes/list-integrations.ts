import type { IntegrationList } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { installable, presentIntegration } from "./present";

/** The catalog, each entry with its installed state for the caller's organization. */
export const listIntegrations = defineRoute({
  method: "GET",
  path: "/integrations",
  async handle({ identity, context }) {
    const records = await context.store.installations.list(identity.organizationId);
    const body: IntegrationList = {
      data: context.catalog.map((entry) =>
        presentIntegration(
          entry,
          records,
          identity,
          installable(entry, context.oauth.providers, context.jiraImport !== null),
        ),
      ),
    };
    return json(body);
  },
});
