import { type Plugboard, type Store, sealOAuthTokens } from "@plugboard/server";
import { fixtureInstallations } from "./fixtures";

/** The fixture GitHub installation's access token; the simulated GitHub accepts it. */
export const fixtureGitHubToken = "gho_fixtureAcmeToken";
export const fixtureProjectId = "prj_web";

const linkedAt = Date.parse("2026-10-02T10:00:00Z");

/**
 * Makes the fixture GitHub installation usable (its token sealed under the mock keyring) and
 * links acme-inc/web to the `prj_web` project, with a merged pull request and a commit that
 * mention its issues.
 */
export async function seedOAuthFixtures(store: Store, plugboard: Plugboard): Promise<void> {
  const github = fixtureInstallations.find((record) => record.provider === "github");
  if (!github) return;
  await store.installations.updateCredentials(github.organizationId, github.id, {
    secret: await sealOAuthTokens(plugboard, github.id, {
      accessToken: fixtureGitHubToken,
    }),
    updatedAt: github.updatedAt,
  });
  await store.github.createLink({
    id: "ghl_fixture_web",
    organizationId: github.organizationId,
    projectId: fixtureProjectId,
    installationId: github.id,
    repositoryId: 101,
    repositoryFullName: "acme-inc/web",
    linkedBy: github.installedBy,
    createdAt: linkedAt,
  });
  const base = {
    organizationId: github.organizationId,
    projectId: fixtureProjectId,
    repositoryFullName: "acme-inc/web",
    createdAt: linkedAt,
  };
  await store.github.upsertReference({
    ...base,
    id: "ghr_fixture_pr",
    issueKey: "PLANE-12",
    kind: "pull_request",
    externalId: "42",
    label: "#42",
    title: "Fix the login redirect",
    url: "https://github.com/acme-inc/web/pull/42",
    state: "merged",
    author: "octocat",
    updatedAt: linkedAt + 2 * 60 * 60 * 1000,
  });
  await store.github.upsertReference({
    ...base,
    id: "ghr_fixture_commit",
    issueKey: "PLANE-7",
    kind: "commit",
    externalId: "0123456789abcdef0123456789abcdef01234567",
    label: "0123456",
    title: "PLANE-7 tighten the session cookie",
    url: "https://github.com/acme-inc/web/commit/0123456789abcdef0123456789abcdef01234567",
    state: "pushed",
    author: "ada",
    updatedAt: linkedAt + 60 * 60 * 1000,
  });
}
