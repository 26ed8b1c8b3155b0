import type { SimulatedRepository } from "./repositories";

export interface SimulatedPullRequest {
  number: number;
  /** `owner/name` of the repository it belongs to. */
  repository: string;
  title: string;
  body: string | null;
  /** The branch it merges from. */
  head: string;
  state: "open" | "closed";
  merged: boolean;
  author: string;
  createdAt: string;
  mergedAt: string | null;
  closedAt: string | null;
}

/** The repository as webhook payloads carry it. */
export function repositoryPayload(repository: SimulatedRepository, webBase: string) {
  return {
    id: repository.id,
    name: repository.name,
    full_name: repository.full_name,
    private: repository.private,
    html_url: `${webBase}/${repository.full_name}`,
    default_branch: repository.default_branch,
    owner: { login: repository.owner.login },
  };
}

/** GitHub's pull request object, as the REST API and the `pull_request` webhook carry it. */
export function pullRequestPayload(
  pull: SimulatedPullRequest,
  repository: SimulatedRepository,
  bases: { web: string; api: string },
) {
  return {
    id: repository.id * 100_000 + pull.number,
    number: pull.number,
    title: pull.title,
    body: pull.body,
    state: pull.state,
    merged: pull.merged,
    merged_at: pull.mergedAt,
    closed_at: pull.closedAt,
    created_at: pull.createdAt,
    html_url: `${bases.web}/${pull.repository}/pull/${pull.number}`,
    url: `${bases.api}/repos/${pull.repository}/pulls/${pull.number}`,
    user: { login: pull.author },
    head: { ref: pull.head },
    base: { ref: repository.default_branch },
  };
}
