import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { findGitHubInstallation, listRepositories } from "../api";

/** The repositories the GitHub installation can see, fetched from GitHub. */
export const listGitHubRepositories = defineRoute({
  method: "GET",
  path: "/providers/github/repositories",
  async handle({ identity, context }) {
    const installation = await findGitHubInstallation(context, identity);
    return json({ data: await listRepositories(context, installation) });
  },
});
