import {
  githubReferenceListSchema,
  githubRepositoryListSchema,
  type LinkRepositoryInput,
  repositoryLinkListSchema,
  repositoryLinkSchema,
} from "@plugboard/core";
import type { CallOptions, Transport } from "../transport";

export interface ReferenceQuery {
  projectId: string;
  /** 1–100, default 20. */
  limit?: number;
}

/** GitHub's features: repositories, repository links to projects, issue references. */
export function githubResource(call: Transport) {
  return {
    /** The repositories the organization's GitHub installation can see. */
    repositories: (options: CallOptions = {}) =>
      call({
        method: "get",
        path: "providers/github/repositories",
        schema: githubRepositoryListSchema,
        ...options,
      }),
    links: (projectId: string, options: CallOptions = {}) =>
      call({
        method: "get",
        path: `providers/github/links?projectId=${encodeURIComponent(projectId)}`,
        schema: repositoryLinkListSchema,
        ...options,
      }),
    link: (input: LinkRepositoryInput, options: CallOptions = {}) =>
      call({
        method: "post",
        path: "providers/github/links",
        json: input,
        schema: repositoryLinkSchema,
        ...options,
      }),
    unlink: (linkId: string, options: CallOptions = {}) =>
      call<void>({
        method: "delete",
        path: `providers/github/links/${encodeURIComponent(linkId)}`,
        ...options,
      }),
    /** Recent pull requests and commits of the project's linked repositories that mention issues. */
    references: ({ projectId, limit }: ReferenceQuery, options: CallOptions = {}) =>
      call({
        method: "get",
        path: `providers/github/references?projectId=${encodeURIComponent(projectId)}${limit ? `&limit=${limit}` : ""}`,
        schema: githubReferenceListSchema,
        ...options,
      }),
  };
}
