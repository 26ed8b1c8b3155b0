import { githubContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { presentLink } from "../present";

/** The repositories linked to one project. */
export const listRepositoryLinks = implement(githubContracts.links, {
  async handle({ query, identity, context }) {
    const links = await context.store.github.listLinks(identity.organizationId, query.projectId);
    return { data: links.map(presentLink) };
  },
});
