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
    method: "GET",
    path: "/providers/github/repositories",
    response: githubRepositoryListSchema,
  }),
  links: defineContract({
    method: "GET",
    path: "/providers/github/links",
    query: githubLinkQuerySchema,
    response: repositoryLinkListSchema,
  }),
  link: defineContract({
    method: "POST",
    path: "/providers/github/links",
    role: "admin",
    body: linkRepositorySchema,
    response: repositoryLinkSchema,
    status: 201,
  }),
  unlink: defineContract({
    method: "DELETE",
    path: "/providers/github/links/:linkId",
    role: "admin",
  }),
  /** Recent pull requests and commits of a project's linked repositories that mention issues. */
  references: defineContract({
    method: "GET",
    path: "/providers/github/references",
    query: githubReferenceQuerySchema,
    response: githubReferenceListSchema,
  }),
};
