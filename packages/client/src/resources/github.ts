import type { LinkRepositoryInput } from "@plugboard/core";
import { githubRoutes as routes } from "@plugboard/core/routes";
import type { Call } from "../call";
import type { CallOptions } from "../transport";

export interface ReferenceQuery {
  projectId: string;
  /** 1–100, default 20. */
  limit?: number;
}

/** GitHub's features: repositories, repository links to projects, issue references. */
export function githubResource(call: Call) {
  return {
    /** The repositories the organization's GitHub installation can see. */
    repositories: (options: CallOptions = {}) => call(routes.repositories, {}, options),
    links: (projectId: string, options: CallOptions = {}) =>
      call(routes.links, { query: { projectId } }, options),
    link: (input: LinkRepositoryInput, options: CallOptions = {}) =>
      call(routes.link, { body: input }, options),
    unlink: (linkId: string, options: CallOptions = {}) =>
      call(routes.unlink, { params: { linkId } }, options),
    /** Recent pull requests and commits of the project's linked repositories that mention issues. */
    references: (query: ReferenceQuery, options: CallOptions = {}) =>
      call(routes.references, { query }, options),
  };
}
