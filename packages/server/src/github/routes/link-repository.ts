import { createId, githubContracts, PlugboardError } from "@plugboard/core";
import { implement } from "../../http/route";
import { findGitHubInstallation, getRepository } from "../api";
import { presentLink } from "../present";
import type { RepositoryLinkRecord } from "../store/types";

/** Links a repository the installation can see to a project (its PRs and commits then count). */
export const linkRepository = implement(githubContracts.link, {
  async handle({ body, identity, context }) {
    const installation = await findGitHubInstallation(context, identity);
    const repository = await getRepository(context, installation, body.repository).catch(
      (error: unknown) => {
        if (error instanceof PlugboardError && error.code === "not_found") {
          throw new PlugboardError({
            code: "validation_failed",
            detail: `GitHub has no repository ${body.repository} that this installation can see`,
            errors: [{ path: "repository", message: "Not found on GitHub" }],
          });
        }
        throw error;
      },
    );
    const link: RepositoryLinkRecord = {
      id: createId("ghl"),
      organizationId: identity.organizationId,
      projectId: body.projectId,
      installationId: installation.id,
      repositoryId: repository.id,
      repositoryFullName: repository.fullName,
      linkedBy: identity.userId,
      createdAt: context.now(),
    };
    await context.store.github.createLink(link);
    return presentLink(link);
  },
});
