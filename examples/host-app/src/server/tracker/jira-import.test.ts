import type { JiraImportRun, JiraPreview } from "@plugboard/core";
import { startJiraSimulator } from "@plugboard/provider-simulators/node";
import { createPlugboard, generateEncryptionKey } from "@plugboard/server";
import { sqliteStore } from "@plugboard/server/sqlite";
import { afterEach, describe, expect, it } from "vitest";
import { demoUsers } from "../demo-identity";
import { trackerHostPort } from "./host-port";
import { openTestTracker } from "./tracker.test-helper";

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Plugboard's Jira importer writing into the demo tracker, from the Jira simulator. */
async function importSetup() {
  const tracker = openTestTracker();
  const jira = await startJiraSimulator({ issues: 12 });
  const store = await sqliteStore(":memory:");
  const plugboard = createPlugboard({
    store,
    authenticate: () => demoUsers.ada,
    encryption: { currentKeyId: "k", keys: { k: generateEncryptionKey() } },
    host: trackerHostPort(tracker.context),
    jiraImport: { allowInsecureHttp: true },
  });
  closers.push(
    () => jira.close(),
    () => store.close(),
  );
  const call = async <T = { id: string }>(method: string, path: string, json?: unknown) => {
    const response = await plugboard.handler(
      new Request(`http://demo.test/api/plugboard${path}`, {
        method,
        ...(json === undefined
          ? {}
          : { body: JSON.stringify(json), headers: { "content-type": "application/json" } }),
      }),
    );
    return (await response.json()) as T;
  };
  const drain = async () => {
    for (;;) {
      const round = await plugboard.worker.runDue();
      if (round.claimed === 0 && round.scheduled === 0) return;
    }
  };
  return { tracker, jira, call, drain };
}

const count = (tracker: ReturnType<typeof openTestTracker>, sql: string) =>
  (tracker.context.db.prepare(sql).get() as { n: number }).n;

describe("Jira import into the demo tracker", () => {
  it("imports issues with their comments, authors' times, labels, cycles and attachment; a re-run duplicates nothing", async () => {
    const { tracker, jira, call, drain } = await importSetup();
    const source = await call("POST", "/jira-import/sources/cloud", {
      siteUrl: jira.origin,
      email: "ada@example.com",
      apiToken: "jira-test-api-token",
    });
    const scope = { sourceId: source.id, projectKey: "ORB", jql: null, hostProjectId: "prj_demo" };
    const preview = await call<JiraPreview>("POST", "/jira-import/preview", scope);
    const start = () =>
      call("POST", "/jira-import/runs", { ...scope, mapping: preview.suggestedMapping });

    const first = await start();
    await drain();
    const run = await call<JiraImportRun>("GET", `/jira-import/runs/${first.id}`);
    expect(run).toMatchObject({ status: "succeeded", report: { created: 12, updated: 0 } });
    const imported = "SELECT count(*) AS n FROM issues WHERE external_id IS NOT NULL";
    expect(count(tracker, imported)).toBe(12);
    const issue = tracker.context.db
      .prepare("SELECT * FROM issues WHERE external_id IS NOT NULL ORDER BY rowid LIMIT 1")
      .get() as { labels: string; external_url: string; created_at: string; key: string };
    expect(issue.key).toMatch(/^DEMO-\d+$/);
    expect(JSON.parse(issue.labels)).toContain("type:epic");
    expect(issue.external_url).toContain("/browse/ORB-1");
    // The original creation time, not the import's.
    expect(issue.created_at < "2026-11-30").toBe(true);
    const comments = count(
      tracker,
      "SELECT count(*) AS n FROM comments WHERE external_id IS NOT NULL",
    );
    expect(comments).toBe(run.report.comments);
    expect(count(tracker, "SELECT count(*) AS n FROM cycles")).toBeGreaterThan(0);
    expect(count(tracker, "SELECT count(*) AS n FROM attachments")).toBe(run.report.attachments);

    const again = await start();
    await drain();
    expect(await call("GET", `/jira-import/runs/${again.id}`)).toMatchObject({
      status: "succeeded",
      report: { created: 0, updated: 12 },
    });
    expect(count(tracker, imported)).toBe(12);
    expect(count(tracker, "SELECT count(*) AS n FROM comments WHERE external_id IS NOT NULL")).toBe(
      comments,
    );
  });
});
