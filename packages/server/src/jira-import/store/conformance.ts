import { jiraMappingSchema } from "@plugboard/core";
import { describe, expect, it } from "vitest";
import { type StoreUnderTest, storePerTest } from "../../stores/conformance/store-per-test";
import type { JiraItemLink, JiraRunRecord, JiraSourceRecord } from "./types";

let sequence = 0;

function source(overrides: Partial<JiraSourceRecord> = {}): JiraSourceRecord {
  sequence += 1;
  return {
    id: `jis_conformance${String(sequence).padStart(6, "0")}`,
    organizationId: "org_acme",
    kind: "cloud",
    name: "Acme Jira",
    siteUrl: "https://acme.atlassian.net",
    email: "ada@example.com",
    tokenCiphertext: "v1.k1.ciphertext",
    timeZone: null,
    rowCount: null,
    createdAt: 1_764_000_000_000 + sequence,
    ...overrides,
  };
}

function run(overrides: Partial<JiraRunRecord> = {}): JiraRunRecord {
  sequence += 1;
  return {
    id: `jir_conformance${String(sequence).padStart(6, "0")}`,
    organizationId: "org_acme",
    sourceId: "jis_1",
    projectKey: "ORB",
    jql: null,
    hostProjectId: "prj_1",
    mapping: jiraMappingSchema.parse({ statuses: { Done: "st_done" } }),
    status: "queued",
    checkpoint: { pageToken: null, row: 0, done: 0, parentsAfter: null },
    progress: { done: 0, total: null, step: "counting", ratePerSecond: null, etaSeconds: null },
    report: {
      created: 0,
      updated: 0,
      comments: 0,
      attachments: 0,
      issues: [],
      skipped: [],
      warnings: [],
    },
    error: null,
    createdAt: 1_764_000_000_000 + sequence,
    updatedAt: 1_764_000_000_000 + sequence,
    ...overrides,
  };
}

function item(overrides: Partial<JiraItemLink> = {}): JiraItemLink {
  return {
    organizationId: "org_acme",
    hostProjectId: "prj_1",
    kind: "issue",
    jiraId: "10001",
    jiraKey: "ORB-1",
    hostId: "iss_1",
    parentJiraId: null,
    parentJiraKey: null,
    ...overrides,
  };
}

export function describeJiraImportStoreConformance(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void {
  describe(`${name}: JiraImportStore conformance`, () => {
    const store = storePerTest(makeStore);

    it("keeps sources per organization, newest first, and deletes one with its rows", async () => {
      const older = source({ createdAt: 1 });
      const newer = source({
        createdAt: 2,
        kind: "csv",
        siteUrl: null,
        email: null,
        tokenCiphertext: null,
        timeZone: "Europe/Paris",
      });
      await store().jiraImport.createSource(older);
      await store().jiraImport.createSource(newer);
      await store().jiraImport.appendRows(newer.id, [
        { index: 1, data: '{"b":1}' },
        { index: 0, data: '{"a":1}' },
      ]);
      await store().jiraImport.setRowCount("org_acme", newer.id, 2);

      expect(await store().jiraImport.listSources("org_acme")).toEqual([
        { ...newer, rowCount: 2 },
        older,
      ]);
      expect(await store().jiraImport.getSource("org_globex", older.id)).toBeNull();
      expect(await store().jiraImport.readRows(newer.id, 0, 10)).toEqual([
        { index: 0, data: '{"a":1}' },
        { index: 1, data: '{"b":1}' },
      ]);
      expect(await store().jiraImport.readRows(newer.id, 1, 10)).toEqual([
        { index: 1, data: '{"b":1}' },
      ]);
      expect(await store().jiraImport.deleteSource("org_globex", newer.id)).toBe(false);
      expect(await store().jiraImport.deleteSource("org_acme", newer.id)).toBe(true);
      expect(await store().jiraImport.readRows(newer.id, 0, 10)).toEqual([]);
    });

    it("stores a run's checkpoint, progress and report, and moves its status only from what it expects", async () => {
      const record = run();
      await store().jiraImport.createRun(record);
      const checkpoint = { pageToken: "abc", row: 0, done: 100, parentsAfter: null };
      await store().jiraImport.updateRun(record.id, { checkpoint, updatedAt: 5 });

      expect(await store().jiraImport.getRun("org_acme", record.id)).toEqual({
        ...record,
        checkpoint,
        updatedAt: 5,
      });
      expect(await store().jiraImport.getRun("org_globex", record.id)).toBeNull();
      expect(await store().jiraImport.transitionRun(record.id, ["queued"], "running", 6)).toBe(
        true,
      );
      expect(await store().jiraImport.transitionRun(record.id, ["running"], "cancelling", 7)).toBe(
        true,
      );
      expect(
        await store().jiraImport.transitionRun(record.id, ["queued", "running"], "succeeded", 8),
      ).toBe(false);
      expect((await store().jiraImport.getRunById(record.id))?.status).toBe("cancelling");
      expect((await store().jiraImport.listRuns("org_acme")).map((r) => r.id)).toEqual([record.id]);
    });

    it("maps a Jira item to one host item per project, replaced on put, children paged by id", async () => {
      await store().jiraImport.putItem(item());
      await store().jiraImport.putItem(item({ hostId: "iss_9" }));
      await store().jiraImport.putItem(
        item({ jiraId: "10003", jiraKey: "ORB-3", hostId: "iss_3", parentJiraId: "10001" }),
      );
      await store().jiraImport.putItem(
        item({ jiraId: "10002", jiraKey: "ORB-2", hostId: "iss_2", parentJiraKey: "ORB-1" }),
      );
      await store().jiraImport.putItem(
        item({ kind: "comment", jiraId: "101", jiraKey: null, hostId: "com_1" }),
      );

      expect(
        (await store().jiraImport.findItem("org_acme", "prj_1", "issue", "10001"))?.hostId,
      ).toBe("iss_9");
      expect(await store().jiraImport.findItem("org_acme", "prj_2", "issue", "10001")).toBeNull();
      expect((await store().jiraImport.findIssueByKey("org_acme", "prj_1", "ORB-2"))?.hostId).toBe(
        "iss_2",
      );
      const children = await store().jiraImport.listChildren("org_acme", "prj_1", null, 1);
      expect(children.map((child) => child.jiraId)).toEqual(["10002"]);
      const rest = await store().jiraImport.listChildren("org_acme", "prj_1", "10002", 10);
      expect(rest.map((child) => child.jiraId)).toEqual(["10003"]);
    });
  });
}
