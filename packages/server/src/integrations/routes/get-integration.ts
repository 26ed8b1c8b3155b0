import { integrationContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { findCatalogEntry } from "./find-entry";
import { installable, presentIntegration } from "./present";

export const getIntegration = implement(integrationContracts.get, {
  async handle({ params, identity, context }) {
    const entry = findCatalogEntry(context, params.provider);
    const records = await context.store.installations.list(identity.organizationId);
    return presentIntegration(
      entry,
      records,
      identity,
      installable(entry, context.oauth.providers),
    );
  },
});
