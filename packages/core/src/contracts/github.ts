import { githubPaths as paths } from "../routes/github";
import {
  githubLinkQuerySchema,
  githubReferenceListSchema,
  githubReferenceQuerySchema,
  githubRepositoryListSchema,
  linkRepositorySchema,
  repositoryLinkListSchema,
  repositoryLinkSchema,
} from "../schemas/github";
import { defineContract } from "./contract";

/** GitHub's features: repositories, repository links to projects, issue references. */
export const githubContracts = {
  /** The repositories the organization's GitHub installation can see. */
  repositories: defineContract({
    ...paths.repositories,
    response: githubRepositoryListSchema,
  }),
  links: defineContract({
    ...paths.links,
    query: githubLinkQuerySchema,
    response: repositoryLinkListSchema,
  }),
  link: defineContract({
    ...paths.link,
    role: "admin",
    body: linkRepositorySchema,
    response: repositoryLinkSchema,
    status: 201,
  }),
  unlink: defineContract({
    ...paths.unlink,
    role: "admin",
  }),
  /** Recent pull requests and commits of a project's linked repositories that mention issues. */
  references: defineContract({
    ...paths.references,
    query: githubReferenceQuerySchema,
    response: githubReferenceListSchema,
  }),
};
