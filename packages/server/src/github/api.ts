import { type GitHubRepository, type Identity, PlugboardError } from "@plugboard/core";
import type { PlugboardContext } from "../context";
import { githubApiBaseUrl, githubHeaders } from "../integrations/oauth/providers/github";
import { accessTokenFor, markNeedsReconnect } from "../integrations/oauth/tokens";
import type { InstallationRecord } from "../integrations/store/types";

/** At most this many pages of 100 repositories are listed. */
const maxPages = 10;

interface RepositoryJson {
  id: number;
  full_name: string;
  private: boolean;
  html_url: string;
  default_branch?: string | null;
}

export function presentRepository(repository: RepositoryJson): GitHubRepository {
  return {
    id: repository.id,
    fullName: repository.full_name,
    private: repository.private,
    htmlUrl: repository.html_url,
    defaultBranch: repository.default_branch ?? null,
  };
}

/**
 * The GitHub installation the caller works through: the organization's, else the caller's own.
 * Users' installations are private to them.
 */
export async function findGitHubInstallation(
  context: PlugboardContext,
  identity: Identity,
): Promise<InstallationRecord> {
  const records = (await context.store.installations.list(identity.organizationId)).filter(
    (record) =>
      record.provider === "github" &&
      (record.level !== "user" || record.installedBy === identity.userId),
  );
  const installation =
    records.find((record) => record.level === "organization") ?? records[0] ?? null;
  if (!installation) {
    throw new PlugboardError({ code: "not_found", detail: "Install GitHub first" });
  }
  return installation;
}

/** One authenticated GET against GitHub's REST API; GitHub's failures become provider errors. */
async function githubGet(
  context: PlugboardContext,
  installation: InstallationRecord,
  path: string,
): Promise<Response> {
  const token = await accessTokenFor(context, installation);
  let response: Response;
  try {
    response = await fetch(`${apiBase(context)}${path}`, { headers: githubHeaders(token) });
  } catch {
    throw new PlugboardError({ code: "provider_error", detail: "GitHub could not be reached" });
  }
  if (response.status === 404) {
    void response.body?.cancel().catch(() => {}); // cancel() can stay pending (msw does): never wait on it
    throw new PlugboardError({
      code: "not_found",
      detail: "GitHub says this does not exist or the installation cannot see it",
    });
  }
  if (!response.ok) {
    void response.body?.cancel().catch(() => {}); // cancel() can stay pending (msw does): never wait on it
    // GitHub no longer takes the token (revoked, app uninstalled): show the installation as
    // needing a reconnect. Compare-and-set on the secret this call started from, so tokens a
    // concurrent reconnect stored stay active.
    if (response.status === 401) await markNeedsReconnect(context, installation);
    throw new PlugboardError({
      code: "provider_error",
      detail:
        response.status === 401
          ? "GitHub no longer accepts this connection; reconnect GitHub"
          : `GitHub answered HTTP ${response.status}`,
    });
  }
  return response;
}

/** Every repository the token can see, most recently updated first (follows `Link: rel="next"`). */
export async function listRepositories(
  context: PlugboardContext,
  installation: InstallationRecord,
): Promise<GitHubRepository[]> {
  const repositories: GitHubRepository[] = [];
  let path: string | null = "/user/repos?per_page=100&sort=updated";
  for (let page = 0; path && page < maxPages; page++) {
    const response = await githubGet(context, installation, path);
    const items = (await response.json()) as RepositoryJson[];
    repositories.push(...items.map(presentRepository));
    path = nextPath(response.headers.get("link"), apiBase(context));
  }
  return repositories;
}

export async function getRepository(
  context: PlugboardContext,
  installation: InstallationRecord,
  fullName: string,
): Promise<GitHubRepository> {
  const [owner = "", name = ""] = fullName.split("/");
  const response = await githubGet(
    context,
    installation,
    `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`,
  );
  return presentRepository((await response.json()) as RepositoryJson);
}

function apiBase(context: PlugboardContext): string {
  return githubApiBaseUrl(context.github.options ?? { clientId: "", clientSecret: "" });
}

function nextPath(link: string | null, base: string): string | null {
  const next = link?.split(",").find((part) => /rel="next"/.test(part));
  const url = next ? /<([^>]+)>/.exec(next)?.[1] : undefined;
  if (!url) return null;
  const parsed = new URL(url);
  // Keep only the path below the API base (GHES has a /api/v3 prefix): the origin is ours.
  const prefix = new URL(base).pathname.replace(/\/$/, "");
  return parsed.pathname.slice(prefix.length) + parsed.search;
}
