import { PlugboardError } from "@plugboard/core";
import { describe, expect, it } from "vitest";
import type { GitHubReferenceRecord, RepositoryLinkRecord } from "../../github/store/types";
import type { StoreUnderTest } from "../../stores/conformance/store-per-test";
import { storePerTest } from "../../stores/conformance/store-per-test";
import { installationRecord } from "./installations-conformance";
import type { OAuthStateRecord } from "./oauth-state-types";

let sequence = 0;
const T0 = 1_764_000_000_000;
const next = () => String(++sequence).padStart(6, "0");

export function oauthStateRecord(overrides: Partial<OAuthStateRecord> = {}): OAuthStateRecord {
  const n = next();
  return {
    id: n.padStart(64, "c"),
    provider: "github",
    organizationId: "org_acme",
    userId: "usr_ada",
    projectId: null,
    level: "organization",
    returnOrigin: "https://app.example.com",
    redirectUri: "https://app.example.com/api/plugboard/integrations/github/callback",
    codeVerifier: "v1.k1.aXY=.dmVyaWZpZXI=",
    createdAt: T0,
    expiresAt: T0 + 600_000,
    ...overrides,
  };
}

export function repositoryLinkRecord(
  overrides: Partial<RepositoryLinkRecord> = {},
): RepositoryLinkRecord {
  const n = next();
  return {
    id: `ghl_conformance${n}`,
    organizationId: "org_acme",
    projectId: "prj_web",
    installationId: "ins_github",
    repositoryId: 100_000 + sequence,
    repositoryFullName: `acme/repo-${n}`,
    linkedBy: "usr_ada",
    createdAt: T0 + sequence * 1000,
    ...overrides,
  };
}

export function referenceRecord(
  overrides: Partial<GitHubReferenceRecord> = {},
): GitHubReferenceRecord {
  const n = next();
  return {
    id: `ghr_conformance${n}`,
    organizationId: "org_acme",
    projectId: "prj_web",
    issueKey: "PLANE-1",
    kind: "pull_request",
    repositoryFullName: "acme/web",
    externalId: "42",
    label: "#42",
    title: "PLANE-1 fix it",
    url: "https://github.com/acme/web/pull/42",
    state: "open",
    author: "octocat",
    createdAt: T0 + sequence * 1000,
    updatedAt: T0 + sequence * 1000,
    ...overrides,
  };
}

/** OAuth states, installation credential updates and GitHub data, for every Store. */
export function describeOAuthStoreConformance(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void {
  describe(`${name}: OAuth and GitHub store conformance`, () => {
    const store = storePerTest(makeStore);

    describe("oauthStates", () => {
      it("returns a state once with every field intact, then null", async () => {
        const state = oauthStateRecord({ projectId: "prj_web", level: "project" });
        await store().oauthStates.create(state);

        expect(await store().oauthStates.consume(state.id)).toEqual(state);
        expect(await store().oauthStates.consume(state.id)).toBeNull();
      });

      it("keeps a null code verifier null", async () => {
        const state = oauthStateRecord({ codeVerifier: null });
        await store().oauthStates.create(state);
        expect((await store().oauthStates.consume(state.id))?.codeVerifier).toBeNull();
      });

      it("gives a state to exactly one of many concurrent consumers", async () => {
        const state = oauthStateRecord();
        await store().oauthStates.create(state);

        const results = await Promise.all(
          Array.from({ length: 8 }, () => store().oauthStates.consume(state.id)),
        );
        expect(results.filter((result) => result !== null)).toEqual([state]);
      });

      it("returns expired states too, and deleteExpired removes only those", async () => {
        const expired = oauthStateRecord({ expiresAt: T0 - 1 });
        const live = oauthStateRecord({ expiresAt: T0 + 1 });
        await store().oauthStates.create(expired);
        await store().oauthStates.create(live);

        expect(await store().oauthStates.deleteExpired(T0)).toBe(1);
        expect(await store().oauthStates.consume(expired.id)).toBeNull();
        expect(await store().oauthStates.consume(live.id)).toEqual(live);
      });
    });

    describe("installations.updateCredentials", () => {
      it("replaces the secret and what came with it", async () => {
        const record = installationRecord({ provider: "github", secret: "v1.k1.old.old" });
        await store().installations.create(record);

        const updated = await store().installations.updateCredentials(
          record.organizationId,
          record.id,
          {
            secret: "v1.k2.new.new",
            updatedAt: record.updatedAt + 5,
            scopes: ["repo"],
            externalAccountName: "acme-inc",
            status: "error",
          },
        );
        expect(updated).toBe(true);
        expect(await store().installations.get(record.organizationId, record.id)).toEqual({
          ...record,
          secret: "v1.k2.new.new",
          updatedAt: record.updatedAt + 5,
          scopes: ["repo"],
          externalAccountName: "acme-inc",
          status: "error",
        });
      });

      it("compares and sets: only the caller holding the current secret wins", async () => {
        const record = installationRecord({ provider: "github", secret: "v1.k1.a.a" });
        await store().installations.create(record);

        const [first, second] = await Promise.all([
          store().installations.updateCredentials(
            record.organizationId,
            record.id,
            { secret: "v1.k1.b.b", updatedAt: 1 },
            "v1.k1.a.a",
          ),
          store().installations.updateCredentials(
            record.organizationId,
            record.id,
            { secret: "v1.k1.c.c", updatedAt: 2 },
            "v1.k1.a.a",
          ),
        ]);
        expect([first, second].filter(Boolean)).toHaveLength(1);
        const stored = await store().installations.get(record.organizationId, record.id);
        expect(stored?.secret).toBe(first ? "v1.k1.b.b" : "v1.k1.c.c");
      });

      it("changes nothing in another organization", async () => {
        const record = installationRecord({ provider: "github" });
        await store().installations.create(record);
        expect(
          await store().installations.updateCredentials("org_globex", record.id, {
            secret: null,
            updatedAt: 1,
          }),
        ).toBe(false);
        expect(await store().installations.get(record.organizationId, record.id)).toEqual(record);
      });
    });

    describe("github links", () => {
      it("creates, lists per project oldest first, and finds links by repository across organizations", async () => {
        const web = repositoryLinkRecord({ repositoryId: 7, createdAt: T0 + 2 });
        const api = repositoryLinkRecord({ createdAt: T0 + 1 });
        const other = repositoryLinkRecord({ projectId: "prj_other" });
        const globex = repositoryLinkRecord({ organizationId: "org_globex", repositoryId: 7 });
        for (const link of [web, api, other, globex]) await store().github.createLink(link);

        expect(await store().github.listLinks("org_acme", "prj_web")).toEqual([api, web]);
        expect(await store().github.listLinks("org_acme")).toHaveLength(3);
        expect(await store().github.linksForRepository(7)).toEqual(
          expect.arrayContaining([web, globex]),
        );
        expect(await store().github.linksForRepository(7)).toHaveLength(2);
      });

      it("keeps repository ids past 2^31 as numbers", async () => {
        const link = repositoryLinkRecord({ repositoryId: 2 ** 33 + 1 });
        await store().github.createLink(link);
        const [stored] = await store().github.linksForRepository(2 ** 33 + 1);
        expect(stored?.repositoryId).toBe(2 ** 33 + 1);
        expect(typeof stored?.createdAt).toBe("number");
      });

      it("refuses a repository linked twice to one project with a conflict", async () => {
        await store().github.createLink(repositoryLinkRecord({ repositoryId: 9 }));
        const error = await store()
          .github.createLink(repositoryLinkRecord({ repositoryId: 9 }))
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(PlugboardError);
        expect((error as PlugboardError).code).toBe("conflict");
        await store().github.createLink(
          repositoryLinkRecord({ repositoryId: 9, projectId: "prj_2" }),
        );
      });

      it("deletes one link per organization, and every link of an installation", async () => {
        const one = repositoryLinkRecord({ installationId: "ins_a" });
        const two = repositoryLinkRecord({ installationId: "ins_a" });
        const kept = repositoryLinkRecord({ installationId: "ins_b" });
        for (const link of [one, two, kept]) await store().github.createLink(link);

        expect(await store().github.deleteLink("org_globex", one.id)).toBe(false);
        expect(await store().github.deleteLink("org_acme", one.id)).toBe(true);
        expect(await store().github.deleteLink("org_acme", one.id)).toBe(false);
        expect(await store().github.deleteLinksOfInstallation("org_acme", "ins_a")).toBe(1);
        expect(await store().github.listLinks("org_acme")).toEqual([kept]);
      });
    });

    describe("github references", () => {
      it("inserts once per natural key and updates in place after that", async () => {
        const first = referenceRecord();
        expect(await store().github.upsertReference(first)).toEqual({
          created: true,
          id: first.id,
        });

        const merged = referenceRecord({
          state: "merged",
          title: "renamed",
          updatedAt: T0 + 99_999,
        });
        expect(await store().github.upsertReference(merged)).toEqual({
          created: false,
          id: first.id,
        });

        expect(await store().github.listReferences("org_acme", "prj_web", 10)).toEqual([
          { ...first, state: "merged", title: "renamed", updatedAt: T0 + 99_999 },
        ]);
      });

      it("lists a project's references newest first, up to the limit", async () => {
        const old = referenceRecord({ externalId: "1", updatedAt: T0 + 1 });
        const newer = referenceRecord({ externalId: "2", updatedAt: T0 + 2 });
        const newest = referenceRecord({ kind: "commit", externalId: "abc", updatedAt: T0 + 3 });
        const elsewhere = referenceRecord({ projectId: "prj_other", externalId: "3" });
        for (const ref of [old, newest, elsewhere, newer])
          await store().github.upsertReference(ref);

        expect(await store().github.listReferences("org_acme", "prj_web", 2)).toEqual([
          newest,
          newer,
        ]);
        expect(await store().github.listReferences("org_globex", "prj_web", 10)).toEqual([]);
      });
    });

    describe("github deliveries", () => {
      it("records a delivery id once, and again after it is forgotten", async () => {
        expect(await store().github.recordDelivery("d-1", T0)).toBe(true);
        expect(await store().github.recordDelivery("d-1", T0 + 1)).toBe(false);
        await store().github.forgetDelivery("d-1");
        expect(await store().github.recordDelivery("d-1", T0 + 2)).toBe(true);
      });

      it("lets exactly one of concurrent receivers claim a delivery", async () => {
        const claims = await Promise.all(
          Array.from({ length: 6 }, () => store().github.recordDelivery("d-race", T0)),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
      });

      it("prunes deliveries received before the cutoff, which may then be processed again", async () => {
        await store().github.recordDelivery("d-old", T0);
        await store().github.recordDelivery("d-edge", T0 + 10);
        await store().github.recordDelivery("d-new", T0 + 20);

        expect(await store().github.pruneDeliveries(T0 + 10)).toBe(1);
        expect(await store().github.recordDelivery("d-old", T0 + 30)).toBe(true);
        expect(await store().github.recordDelivery("d-edge", T0 + 30)).toBe(false);
        expect(await store().github.recordDelivery("d-new", T0 + 30)).toBe(false);
      });

      it("prunes nothing when every delivery is recent, and keeps timestamps past 2^31", async () => {
        const late = 2 ** 41 + 7;
        await store().github.recordDelivery("d-late", late);
        expect(await store().github.pruneDeliveries(late)).toBe(0);
        expect(await store().github.pruneDeliveries(late + 1)).toBe(1);
        expect(await store().github.pruneDeliveries(late + 1)).toBe(0);
      });
    });
  });
}
