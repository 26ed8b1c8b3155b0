import { githubContracts as contracts, type LinkRepositoryInput } from "@plugboard/core";
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
    repositories: (options: CallOptions = {}) => call(contracts.repositories, {}, options),
    links: (projectId: string, options: CallOptions = {}) =>
      call(contracts.links, { query: { projectId } }, options),
    link: (input: LinkRepositoryInput, options: CallOptions = {}) =>
      call(contracts.link, { body: input }, options),
    unlink: (linkId: string, options: CallOptions = {}) =>
      call(contracts.unlink, { params: { linkId } }, options),
    /** Recent pull requests and commits of the project's linked repositories that mention issues. */
    references: (query: ReferenceQuery, options: CallOptions = {}) =>
      call(contracts.references, { query }, options),
  };
}
