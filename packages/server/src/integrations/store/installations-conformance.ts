import { describe, expect, it } from "vitest";
import {
  expectConflict,
  type StoreUnderTest,
  storePerTest,
} from "../../stores/conformance/store-per-test";
import type { InstallationRecord } from "./types";

let sequence = 0;

/** A complete, valid installation; ids are unique per call so tests never collide by accident. */
export function installationRecord(
  overrides: Partial<InstallationRecord> = {},
): InstallationRecord {
  sequence += 1;
  const createdAt = 1_764_000_000_000 + sequence * 1000;
  return {
    id: `ins_conformance${String(sequence).padStart(6, "0")}`,
    provider: "pumble",
    organizationId: "org_acme",
    projectId: null,
    level: "organization",
    status: "active",
    externalAccountName: null,
    externalAccountId: null,
    scopes: [],
    installedBy: "usr_ada",
    secret: "v1.k1.aXY=.c2VhbGVk",
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

/** The behaviour every store's installations must share. */
export function describeInstallationStoreConformance(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void {
  describe(`${name}: InstallationStore conformance`, () => {
    const store = storePerTest(makeStore);

    describe("create, get, list, delete", () => {
      it("returns a created installation from get with every field intact", async () => {
        const record = installationRecord({
          externalAccountName: "Acme on Pumble",
          scopes: ["chat:write", "channels:read"],
        });
        await store().installations.create(record);

        expect(await store().installations.get(record.organizationId, record.id)).toEqual(record);
      });

      it("returns null from get for an id that was never created", async () => {
        expect(await store().installations.get("org_acme", "ins_missing")).toBeNull();
      });

      it("lists nothing for an organization without installations", async () => {
        expect(await store().installations.list("org_acme")).toEqual([]);
      });

      it("lists an organization's installations oldest first, whatever the insert order", async () => {
        const oldest = installationRecord({ provider: "github", createdAt: 1_000 });
        const middle = installationRecord({ provider: "slack", createdAt: 2_000 });
        const newest = installationRecord({ provider: "pumble", createdAt: 3_000 });
        await store().installations.create(newest);
        await store().installations.create(oldest);
        await store().installations.create(middle);

        const listed = await store().installations.list("org_acme");
        expect(listed.map((record) => record.id)).toEqual([oldest.id, middle.id, newest.id]);
        expect(listed).toEqual([oldest, middle, newest]);
      });

      it("orders timestamps numerically, not as text", async () => {
        // As text "10000000000000" < "9000000000000"; as numbers it is the newer one.
        const newer = installationRecord({ provider: "github", createdAt: 10_000_000_000_000 });
        const older = installationRecord({ provider: "slack", createdAt: 9_000_000_000_000 });
        await store().installations.create(newer);
        await store().installations.create(older);

        const listed = await store().installations.list("org_acme");
        expect(listed.map((record) => record.id)).toEqual([older.id, newer.id]);
      });

      it("deletes an installation once: true, then false, and it is gone", async () => {
        const kept = installationRecord({ provider: "github" });
        const removed = installationRecord({ provider: "pumble" });
        await store().installations.create(kept);
        await store().installations.create(removed);

        expect(await store().installations.delete("org_acme", removed.id)).toBe(true);
        expect(await store().installations.delete("org_acme", removed.id)).toBe(false);
        expect(await store().installations.get("org_acme", removed.id)).toBeNull();
        expect(await store().installations.list("org_acme")).toEqual([kept]);
      });

      it("returns false when deleting an id that never existed", async () => {
        expect(await store().installations.delete("org_acme", "ins_missing")).toBe(false);
      });

      it("frees the place on delete, so the provider can be installed there again", async () => {
        const first = installationRecord();
        await store().installations.create(first);
        await store().installations.delete("org_acme", first.id);

        const second = installationRecord();
        await store().installations.create(second);
        expect(await store().installations.list("org_acme")).toEqual([second]);
      });
    });

    describe("findByAccount", () => {
      it("finds every organization's installation of that provider account, oldest first", async () => {
        const acme = installationRecord({
          provider: "slack",
          externalAccountId: "T0001",
          createdAt: 2_000,
        });
        const globex = installationRecord({
          provider: "slack",
          organizationId: "org_globex",
          externalAccountId: "T0001",
          createdAt: 1_000,
        });
        const otherTeam = installationRecord({
          provider: "slack",
          organizationId: "org_initech",
          externalAccountId: "T0002",
        });
        const otherProvider = installationRecord({
          provider: "github",
          organizationId: "org_umbrella",
          externalAccountId: "T0001",
        });
        for (const record of [acme, globex, otherTeam, otherProvider]) {
          await store().installations.create(record);
        }

        expect(await store().installations.findByAccount("slack", "T0001")).toEqual([globex, acme]);
        expect(await store().installations.findByAccount("slack", "T9999")).toEqual([]);
      });

      it("finds a Slack Enterprise Grid installation by its enterprise id as well as its team id", async () => {
        const grid = installationRecord({
          provider: "slack",
          externalAccountId: "T0GRID",
          externalEnterpriseId: "E0ACME",
        });
        const plain = installationRecord({
          provider: "slack",
          organizationId: "org_globex",
          externalAccountId: "T0PLAIN",
        });
        await store().installations.create(grid);
        await store().installations.create(plain);

        expect(await store().installations.findByAccount("slack", "T0GRID")).toEqual([grid]);
        expect(await store().installations.findByAccount("slack", "E0ACME")).toEqual([grid]);
        expect(await store().installations.findByAccount("slack", "T0PLAIN")).toEqual([plain]);

        // A reconnect that moves the workspace out of the enterprise forgets the enterprise id.
        await store().installations.updateCredentials("org_acme", grid.id, {
          secret: grid.secret,
          updatedAt: grid.updatedAt + 1,
          externalEnterpriseId: null,
        });
        expect(await store().installations.findByAccount("slack", "E0ACME")).toEqual([]);
        expect(
          (await store().installations.findByAccount("slack", "T0GRID")).map((found) => found.id),
        ).toEqual([grid.id]);
      });

      it("follows a reconnect that changes the account", async () => {
        const record = installationRecord({ provider: "slack", externalAccountId: "T0001" });
        await store().installations.create(record);
        await store().installations.updateCredentials("org_acme", record.id, {
          secret: "v1.k1.bmV3.c2VhbGVk",
          updatedAt: record.updatedAt + 1,
          externalAccountId: "T0002",
        });

        expect(await store().installations.findByAccount("slack", "T0001")).toEqual([]);
        expect(
          (await store().installations.findByAccount("slack", "T0002")).map((found) => found.id),
        ).toEqual([record.id]);
      });
    });

    describe("organization isolation", () => {
      it("hides another organization's installation from get and list", async () => {
        const record = installationRecord({ organizationId: "org_acme" });
        await store().installations.create(record);

        expect(await store().installations.get("org_globex", record.id)).toBeNull();
        expect(await store().installations.list("org_globex")).toEqual([]);
        expect(await store().installations.list("org_acme")).toEqual([record]);
      });

      it("refuses to delete another organization's installation and keeps it", async () => {
        const record = installationRecord({ organizationId: "org_acme" });
        await store().installations.create(record);

        expect(await store().installations.delete("org_globex", record.id)).toBe(false);
        expect(await store().installations.get("org_acme", record.id)).toEqual(record);
      });

      it("lets two organizations install the same provider at the same level", async () => {
        const acme = installationRecord({ organizationId: "org_acme" });
        const globex = installationRecord({ organizationId: "org_globex" });
        await store().installations.create(acme);
        await store().installations.create(globex);

        expect(await store().installations.list("org_acme")).toEqual([acme]);
        expect(await store().installations.list("org_globex")).toEqual([globex]);
      });
    });

    describe("one installation per place", () => {
      const places: Array<[string, Partial<InstallationRecord>]> = [
        ["organization", { level: "organization", projectId: null }],
        ["project", { level: "project", projectId: "prj_web" }],
        ["user", { level: "user", installedBy: "usr_ada" }],
      ];

      for (const [label, place] of places) {
        it(`rejects a second ${label}-level install of the same provider with a conflict`, async () => {
          const first = installationRecord(place);
          await store().installations.create(first);

          await expectConflict(store().installations.create(installationRecord(place)));

          expect(await store().installations.list("org_acme")).toEqual([first]);
        });
      }

      it("conflicts at the organization level even when another admin installs", async () => {
        await store().installations.create(installationRecord({ installedBy: "usr_ada" }));
        await expectConflict(
          store().installations.create(installationRecord({ installedBy: "usr_grace" })),
        );
        expect(await store().installations.list("org_acme")).toHaveLength(1);
      });

      it("lets the same provider be installed in different projects", async () => {
        const web = installationRecord({ level: "project", projectId: "prj_web" });
        const api = installationRecord({ level: "project", projectId: "prj_api" });
        await store().installations.create(web);
        await store().installations.create(api);

        expect(await store().installations.list("org_acme")).toEqual([web, api]);
      });

      it("lets different users each install the same provider for themselves", async () => {
        const ada = installationRecord({ level: "user", installedBy: "usr_ada" });
        const grace = installationRecord({ level: "user", installedBy: "usr_grace" });
        await store().installations.create(ada);
        await store().installations.create(grace);

        expect(await store().installations.list("org_acme")).toEqual([ada, grace]);
      });

      it("keeps organization, project and user levels apart", async () => {
        const organization = installationRecord({ level: "organization" });
        const project = installationRecord({ level: "project", projectId: "prj_web" });
        const user = installationRecord({ level: "user", installedBy: "usr_ada" });
        await store().installations.create(organization);
        await store().installations.create(project);
        await store().installations.create(user);

        expect(await store().installations.list("org_acme")).toHaveLength(3);
      });

      it("lets different providers share a place", async () => {
        const github = installationRecord({ provider: "github" });
        const slack = installationRecord({ provider: "slack" });
        await store().installations.create(github);
        await store().installations.create(slack);

        expect(await store().installations.list("org_acme")).toEqual([github, slack]);
      });
    });

    describe("round-tripping values", () => {
      it("keeps scopes exactly, in order, and keeps an empty array empty", async () => {
        const many = installationRecord({
          provider: "github",
          scopes: ["repo", "read:org", "admin:repo_hook", "emoji:✓"],
        });
        const none = installationRecord({ provider: "slack", scopes: [] });
        await store().installations.create(many);
        await store().installations.create(none);

        expect((await store().installations.get("org_acme", many.id))?.scopes).toEqual([
          "repo",
          "read:org",
          "admin:repo_hook",
          "emoji:✓",
        ]);
        expect((await store().installations.get("org_acme", none.id))?.scopes).toEqual([]);
      });

      it("keeps nulls as null, not undefined or empty strings", async () => {
        const record = installationRecord({
          projectId: null,
          externalAccountName: null,
          secret: null,
        });
        await store().installations.create(record);

        const stored = await store().installations.get("org_acme", record.id);
        expect(stored?.projectId).toBeNull();
        expect(stored?.externalAccountName).toBeNull();
        expect(stored?.secret).toBeNull();
      });

      it("keeps non-null optional fields and an error status", async () => {
        const record = installationRecord({
          level: "project",
          projectId: "prj_web",
          status: "error",
          externalAccountName: "Ünïcode – workspace",
          secret: "v1.k2.AAAA.BBBB",
        });
        await store().installations.create(record);

        expect(await store().installations.get("org_acme", record.id)).toEqual(record);
      });

      it("returns timestamps as epoch-millisecond numbers, including ones past 2^31 and 2^32", async () => {
        const createdAt = 2 ** 31 + 7; // would overflow a 32-bit integer column
        const updatedAt = 1_764_000_123_456; // a real 2025 timestamp, past 2^40
        const record = installationRecord({ createdAt, updatedAt });
        await store().installations.create(record);

        const [listed] = await store().installations.list("org_acme");
        const got = await store().installations.get("org_acme", record.id);
        for (const stored of [listed, got]) {
          expect(typeof stored?.createdAt).toBe("number");
          expect(typeof stored?.updatedAt).toBe("number");
          expect(stored?.createdAt).toBe(createdAt);
          expect(stored?.updatedAt).toBe(updatedAt);
        }
      });
    });

    describe("updateCredentials", () => {
      it("replaces the secret and updatedAt, and only those, when given only those", async () => {
        const record = installationRecord({
          secret: "v1.k1.old",
          scopes: ["repo"],
          externalAccountName: "acme-gh",
        });
        await store().installations.create(record);

        const changed = await store().installations.updateCredentials("org_acme", record.id, {
          secret: "v1.k1.new",
          updatedAt: record.updatedAt + 60_000,
        });

        expect(changed).toBe(true);
        expect(await store().installations.get("org_acme", record.id)).toEqual({
          ...record,
          secret: "v1.k1.new",
          updatedAt: record.updatedAt + 60_000,
        });
      });

      it("treats fields given as undefined like fields left out", async () => {
        const record = installationRecord({ scopes: ["repo"], externalAccountName: "acme-gh" });
        await store().installations.create(record);

        const changed = await store().installations.updateCredentials("org_acme", record.id, {
          secret: "v1.k1.new",
          updatedAt: record.updatedAt + 1,
          scopes: undefined,
          externalAccountName: undefined,
          status: undefined,
        });

        expect(changed).toBe(true);
        expect(await store().installations.get("org_acme", record.id)).toEqual({
          ...record,
          secret: "v1.k1.new",
          updatedAt: record.updatedAt + 1,
        });
      });

      it("replaces scopes, account name and status when given, including with null", async () => {
        const record = installationRecord({ scopes: ["repo"], externalAccountName: "acme-gh" });
        await store().installations.create(record);

        await store().installations.updateCredentials("org_acme", record.id, {
          secret: null,
          updatedAt: 2 ** 41,
          scopes: ["repo", "read:org"],
          externalAccountName: null,
          status: "error",
        });

        const stored = await store().installations.get("org_acme", record.id);
        expect(stored).toEqual({
          ...record,
          secret: null,
          updatedAt: 2 ** 41,
          scopes: ["repo", "read:org"],
          externalAccountName: null,
          status: "error",
        });
        expect(typeof stored?.updatedAt).toBe("number");
      });

      it("returns false and changes nothing for a missing id or another organization", async () => {
        const record = installationRecord({ secret: "v1.k1.old" });
        await store().installations.create(record);
        const update = { secret: "v1.k1.stolen", updatedAt: record.updatedAt + 1 };

        expect(
          await store().installations.updateCredentials("org_acme", "ins_missing", update),
        ).toBe(false);
        expect(await store().installations.updateCredentials("org_globex", record.id, update)).toBe(
          false,
        );
        expect(await store().installations.get("org_acme", record.id)).toEqual(record);
        expect(await store().installations.list("org_globex")).toEqual([]);
      });

      it("updates only while the stored secret is still the expected one (compare-and-set)", async () => {
        const record = installationRecord({ secret: "v1.k1.first" });
        await store().installations.create(record);

        // Two refreshes raced from the same starting secret: the first one wins…
        const winner = await store().installations.updateCredentials(
          "org_acme",
          record.id,
          { secret: "v1.k1.second", updatedAt: record.updatedAt + 1 },
          "v1.k1.first",
        );
        // …and the second, still expecting the old secret, changes nothing.
        const loser = await store().installations.updateCredentials(
          "org_acme",
          record.id,
          { secret: "v1.k1.other", updatedAt: record.updatedAt + 2 },
          "v1.k1.first",
        );

        expect(winner).toBe(true);
        expect(loser).toBe(false);
        const stored = await store().installations.get("org_acme", record.id);
        expect(stored?.secret).toBe("v1.k1.second");
        expect(stored?.updatedAt).toBe(record.updatedAt + 1);
      });

      it("matches an expected null secret only against a stored null", async () => {
        const empty = installationRecord({ provider: "github", secret: null });
        const sealed = installationRecord({ provider: "slack", secret: "v1.k1.x" });
        await store().installations.create(empty);
        await store().installations.create(sealed);
        const update = { secret: "v1.k1.new", updatedAt: 5 };

        expect(
          await store().installations.updateCredentials("org_acme", sealed.id, update, null),
        ).toBe(false);
        expect(
          await store().installations.updateCredentials("org_acme", empty.id, update, null),
        ).toBe(true);
        expect((await store().installations.get("org_acme", sealed.id))?.secret).toBe("v1.k1.x");
        expect((await store().installations.get("org_acme", empty.id))?.secret).toBe("v1.k1.new");
      });

      it("keeps the list order by createdAt, not updatedAt", async () => {
        const older = installationRecord({ provider: "github", createdAt: 1_000 });
        const newer = installationRecord({ provider: "slack", createdAt: 2_000 });
        await store().installations.create(older);
        await store().installations.create(newer);

        await store().installations.updateCredentials("org_acme", older.id, {
          secret: "v1.k1.rotated",
          updatedAt: 9_000_000_000_000,
        });

        const listed = await store().installations.list("org_acme");
        expect(listed.map((record) => record.id)).toEqual([older.id, newer.id]);
      });

      it("is not changed later by mutating the update passed in", async () => {
        const record = installationRecord({ scopes: ["a"] });
        await store().installations.create(record);
        const scopes = ["a", "b"];

        await store().installations.updateCredentials("org_acme", record.id, {
          secret: "v1.k1.new",
          updatedAt: record.updatedAt + 1,
          scopes,
        });
        scopes.push("c");

        expect((await store().installations.get("org_acme", record.id))?.scopes).toEqual([
          "a",
          "b",
        ]);
      });
    });

    describe("copies, not shared references", () => {
      it("is not changed by mutating the record passed to create", async () => {
        const record = installationRecord({ scopes: ["a"] });
        const original = structuredClone(record);
        await store().installations.create(record);

        record.status = "error";
        record.scopes.push("b");

        expect(await store().installations.get("org_acme", original.id)).toEqual(original);
      });

      it("is not changed by mutating a record returned from get", async () => {
        const record = installationRecord({ scopes: ["a"] });
        await store().installations.create(record);

        const got = await store().installations.get("org_acme", record.id);
        if (!got) throw new Error("expected the installation");
        got.status = "error";
        got.externalAccountName = "changed";
        got.scopes.push("b");

        expect(await store().installations.get("org_acme", record.id)).toEqual(record);
      });

      it("is not changed by mutating records returned from list", async () => {
        const record = installationRecord({ scopes: ["a"] });
        await store().installations.create(record);

        const listed = await store().installations.list("org_acme");
        const first = listed[0];
        if (!first) throw new Error("expected the installation");
        first.scopes.push("b");
        first.secret = null;
        listed.pop();

        expect(await store().installations.list("org_acme")).toEqual([record]);
      });
    });
  });
}
