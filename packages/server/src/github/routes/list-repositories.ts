import { githubContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { findGitHubInstallation, listRepositories } from "../api";

/** The repositories the GitHub installation can see, fetched from GitHub. */
export const listGitHubRepositories = implement(githubContracts.repositories, {
  async handle({ identity, context }) {
    const installation = await findGitHubInstallation(context, identity);
    return { data: await listRepositories(context, installation) };
  },
});
