import { githubContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { presentReference } from "../present";

/** Recent pull requests and commits of one project's linked repositories that mention issues. */
export const listGitHubReferences = implement(githubContracts.references, {
  async handle({ query, identity, context }) {
    const references = await context.store.github.listReferences(
      identity.organizationId,
      query.projectId,
      query.limit,
    );
    return { data: references.map(presentReference) };
  },
});
