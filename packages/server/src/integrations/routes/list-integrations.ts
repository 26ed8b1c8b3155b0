import type { IntegrationList } from "@plugboard/core";
import { integrationContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { installable, presentIntegration } from "./present";

/** The catalog, each entry with its installed state for the caller's organization. */
export const listIntegrations = implement(integrationContracts.list, {
  async handle({ identity, context }) {
    const records = await context.store.installations.list(identity.organizationId);
    const body: IntegrationList = {
      data: context.catalog.map((entry) =>
        presentIntegration(entry, records, identity, installable(entry, context.oauth.providers)),
      ),
    };
    return body;
  },
});
