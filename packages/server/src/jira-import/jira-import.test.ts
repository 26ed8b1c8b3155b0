import {
  type JiraImportRun,
  type JiraPreview,
  jiraImportRunSchema,
  jiraPreviewSchema,
  jiraSourceSchema,
  problemSchema,
} from "@plugboard/core";
import { afterEach, describe, expect, it } from "vitest";
import { generateEncryptionKey } from "../crypto/keyring";
import { createMemoryHost } from "../host/memory-host";
import { createPlugboard } from "../plugboard";
import { memoryStore } from "../stores/memory/memory-store";
import { jiraImportSetup, scope } from "./jira-import.test-harness";

let setup: Awaited<ReturnType<typeof jiraImportSetup>> | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

async function start(
  h: Awaited<ReturnType<typeof jiraImportSetup>>,
  sourceId: string,
  incremental = false,
): Promise<JiraImportRun> {
  const preview = jiraPreviewSchema.parse(
    await (await h.call("POST", "/jira-import/preview", { json: scope(sourceId) })).json(),
  );
  const response = await h.call("POST", "/jira-import/runs", {
    json: { ...scope(sourceId), mapping: preview.suggestedMapping, incremental },
  });
  expect(response.status).toBe(202);
  return jiraImportRunSchema.parse(await response.json());
}

/** Issue 7 has 25 comments (20 in search, the rest paged from /comment), issue n n % 4. */
const commentCount = Array.from({ length: 60 }, (_, i) => (i + 1 === 7 ? 25 : (i + 1) % 4)).reduce(
  (a, b) => a + b,
  0,
);

async function runOf(h: Awaited<ReturnType<typeof jiraImportSetup>>, id: string) {
  return jiraImportRunSchema.parse(await (await h.call("GET", `/jira-import/runs/${id}`)).json());
}

describe("Jira import from Jira Cloud", () => {
  it("connects with an API token checked against /myself, kept encrypted and never shown", async () => {
    setup = await jiraImportSetup();
    const wrong = await setup.call("POST", "/jira-import/sources/cloud", {
      json: { siteUrl: setup.jira.origin, email: "ada@example.com", apiToken: "nope" },
    });
    expect(wrong.status).toBe(400);
    expect(problemSchema.parse(await wrong.json()).errors?.[0]?.path).toBe("apiToken");

    const created = await setup.call("POST", "/jira-import/sources/cloud", {
      json: {
        siteUrl: `${setup.jira.origin}/`,
        email: "ada@example.com",
        apiToken: "jira-test-api-token",
      },
    });
    expect(created.status).toBe(201);
    const source = jiraSourceSchema.parse(await created.json());
    expect(source).toMatchObject({
      kind: "cloud",
      siteUrl: setup.jira.origin,
      email: "ada@example.com",
    });
    const listed = await (await setup.call("GET", "/jira-import/sources")).text();
    expect(listed).toContain(source.id);
    expect(listed).not.toContain("jira-test-api-token");
    expect(JSON.stringify(setup.dump())).not.toContain("jira-test-api-token");
  });

  it("refuses plain http sites unless the host allowed them, and members", async () => {
    const plugboard = createPlugboard({
      store: memoryStore(),
      authenticate: (request) =>
        request.headers.get("x-user") === "grace"
          ? { userId: "usr_grace", organizationId: "org_acme", role: "member" }
          : { userId: "usr_ada", organizationId: "org_acme", role: "admin" },
      encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
      host: createMemoryHost().port,
      jiraImport: { fetch: () => Promise.reject(new Error("must not be called")) },
    });
    const body = JSON.stringify({ siteUrl: "http://jira.test", email: "a@b.co", apiToken: "t" });
    const post = (user: string) =>
      plugboard.handler(
        new Request("http://app.test/api/plugboard/jira-import/sources/cloud", {
          method: "POST",
          headers: { "x-user": user, "content-type": "application/json" },
          body,
        }),
      );
    const insecure = await post("ada");
    expect(insecure.status).toBe(400);
    expect(problemSchema.parse(await insecure.json()).errors?.[0]?.path).toBe("siteUrl");
    expect((await post("grace")).status).toBe(403);
  });

  it("answers 404 and shows the catalog card unavailable when the host did not turn Jira import on, and fails startup without the host capabilities", async () => {
    const options = {
      store: memoryStore(),
      authenticate: () => ({
        userId: "usr_ada",
        organizationId: "org_acme",
        role: "admin" as const,
      }),
      encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
    };
    const off = createPlugboard(options);
    const response = await off.handler(
      new Request("http://app.test/api/plugboard/jira-import/sources"),
    );
    expect(response.status).toBe(404);
    expect(() => createPlugboard({ ...options, host: { issues: {} }, jiraImport: {} })).toThrow(
      /jiraImport needs the host port to implement host\.issues\.create, host\.issues\.update, host\.issues\.findByExternalId/,
    );
  });

  it("suggests a mapping by status category, priority name and email, in a dry run that writes nothing", async () => {
    setup = await jiraImportSetup();
    const source = await setup.connect();
    const before = { store: setup.dump(), issues: setup.host.issues().length };
    const response = await setup.call("POST", "/jira-import/preview", { json: scope(source.id) });
    expect(response.status).toBe(200);
    const preview: JiraPreview = jiraPreviewSchema.parse(await response.json());

    expect(preview.suggestedMapping.statuses).toEqual({
      "To Do": "st_todo",
      "In Progress": "st_doing",
      "In Review": "st_doing",
      Done: "st_done",
      "Won't Do": "st_cancelled",
    });
    expect(preview.suggestedMapping.priorities).toMatchObject({ Highest: "urgent", Low: "low" });
    expect(preview.suggestedMapping.users).toMatchObject({
      "5b10a2844c20165700ede21g": "usr_ada",
      "5b10ac8d82e05b22cc7d4ef5": "usr_grace",
      "712020:0e3a4f1c-hidden": null,
    });
    expect(preview.suggestedMapping.sprints).toEqual({
      "ORB Sprint 1": "create",
      "ORB Sprint 2": "create",
      "ORB Sprint 3": "create",
    });
    const { report } = preview;
    expect(report).toMatchObject({ issues: 60, updates: 0, attachments: 1 });
    expect(report.byType).toMatchObject({ Epic: 5 });
    // Issue 7 has 25 comments: 20 in search, the rest paged from /comment.
    expect(report.comments).toBe(commentCount);
    expect(report.unmapped.users).toEqual(["Alan Turing", "Katherine Johnson"]);
    expect(report.sample[0]).toMatchObject({
      jiraKey: "ORB-1",
      stateId: "st_doing",
      assigneeId: "usr_grace",
    });
    expect(report.sample[0]?.description).toContain("| Metric | Value |");

    expect(setup.dump()).toEqual(before.store);
    expect(setup.host.issues()).toHaveLength(before.issues);
    const writes = setup.host.calls.filter((c) => /create|update|upload/.test(c.capability));
    expect(writes).toEqual([]);
  });

  it("imports everything as a durable job, then a re-run updates and duplicates nothing", async () => {
    setup = await jiraImportSetup();
    const source = await setup.connect();
    const run = await start(setup, source.id);
    expect(run.status).toBe("queued");
    await setup.drain();

    const done = await runOf(setup, run.id);
    expect(done.status).toBe("succeeded");
    expect(done.progress).toMatchObject({ done: 60, total: 60, step: "done", etaSeconds: 0 });
    expect(done.report).toMatchObject({ created: 60, updated: 0, attachments: 1, skipped: [] });
    expect(done.report.issues[0]).toMatchObject({
      jiraKey: "ORB-1",
      url: expect.stringContaining("https://"),
    });
    const issues = setup.host.issues();
    expect(issues).toHaveLength(60);
    const byJira = (n: number) => issues.find((issue) => issue.externalId === `jira:${10_000 + n}`);
    const story = byJira(12);
    expect(story).toMatchObject({
      title: "Orbit task 12",
      stateId: "st_doing",
      assigneeId: "usr_ada",
      labels: ["orbit", "batch-0", "type:story", "component:Telemetry"],
      parentId: byJira(3)?.id,
      externalUrl: `${setup.jira.origin}/browse/ORB-12`,
      createdAt: "2026-01-05T21:00:00.000Z",
    });
    expect(story?.cycleId).toBe(setup.host.cycles().find((c) => c.name === "ORB Sprint 1")?.id);
    expect(setup.host.cycles()).toHaveLength(3);
    const seven = setup.host.comments().filter((comment) => comment.issueId === byJira(7)?.id);
    expect(seven).toHaveLength(25);
    expect(seven.map((comment) => comment.body)).toContain(
      "**Alan Turing** (Jira):\n\nComment 4 on issue 7; see <https://example.com/c>",
    );
    expect(setup.host.attachments()[0]).toMatchObject({
      fileName: "telemetry.csv",
      issueId: byJira(2)?.id,
    });
    expect(setup.host.attachments()[0]?.content).toContain("altitude");

    setup.jira.simulation.editIssue(12, { summary: "Orbit task 12, renamed in Jira" });
    const again = await start(setup, source.id);
    await setup.drain();
    const second = await runOf(setup, again.id);
    expect(second.report).toMatchObject({ created: 0, updated: 60, comments: 0, attachments: 0 });
    expect(setup.host.issues()).toHaveLength(60);
    expect(setup.host.comments()).toHaveLength(commentCount);
    expect(setup.host.attachments()).toHaveLength(1);
    expect(setup.host.issues().find((i) => i.externalId === "jira:10012")?.title).toBe(
      "Orbit task 12, renamed in Jira",
    );
  });

  it("imports only what changed since the last run, asking Jira with a window in the user's zone", async () => {
    setup = await jiraImportSetup({ issues: 20 });
    const source = await setup.connect();
    // No run before: an incremental run reads everything.
    const first = await start(setup, source.id, true);
    await setup.drain();
    expect((await runOf(setup, first.id)).report).toMatchObject({ created: 20, updated: 0 });

    // Edited in Jira after the first run began; the others were last updated months ago.
    setup.jira.simulation.editIssue(4, {
      summary: "Epic 4, renamed in Jira",
      updated: new Date(Date.now() + 60_000).toISOString().replace("Z", "+0000"),
    });
    const searches = setup.jira.simulation.requests.length;
    const second = await start(setup, source.id, true);
    await setup.drain();
    const report = (await runOf(setup, second.id)).report;
    expect(report).toMatchObject({ created: 0, updated: 1 });
    expect(report.issues.map((issue) => issue.jiraKey)).toEqual(["ORB-4"]);
    expect(setup.host.issues()).toHaveLength(20);
    expect(setup.host.issues().find((i) => i.externalId === "jira:10004")?.title).toBe(
      "Epic 4, renamed in Jira",
    );
    // The user's zone came from /myself: JQL reads date literals in it.
    expect(setup.jira.simulation.requests.slice(searches).map((r) => r.path)).toContain("/myself");

    // A CSV export is read whole: asking for changes only is refused.
    const csv = await setup.call("POST", "/jira-import/sources/csv?timeZone=UTC", {
      body: "Summary,Issue key,Issue id,Status\nFirst,ORB-1,10001,To Do\n",
      type: "text/csv",
    });
    const csvSource = (await csv.json()) as { id: string };
    const refused = await setup.call("POST", "/jira-import/runs", {
      json: { ...scope(csvSource.id), mapping: {}, incremental: true },
    });
    expect(refused.status).toBe(400);
    expect(problemSchema.parse(await refused.json()).errors?.[0]?.path).toBe("incremental");
  });

  it("waits out 429 Retry-After and retries 5xx with backoff, importing everything", async () => {
    setup = await jiraImportSetup({ issues: 30 });
    const source = await setup.connect();
    const run = await start(setup, source.id);
    setup.jira.simulation.rateLimitNext(2, 3);
    setup.jira.simulation.failNext(2, 503);
    await setup.drain();

    expect((await runOf(setup, run.id)).status).toBe("succeeded");
    expect(setup.sleeps).toEqual([3000, 3000, 400, 800]);
    expect(setup.host.issues()).toHaveLength(30);
    const statuses = setup.jira.simulation.requests.map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    expect(statuses.filter((s) => s === 503)).toHaveLength(2);
  });

  it("cancels a running import between two issues, and a finished one answers 409", async () => {
    let cancel: (() => Promise<unknown>) | null = null;
    setup = await jiraImportSetup({
      port: (port) => ({
        ...port,
        issues: {
          ...port.issues,
          async create(call, input) {
            const issue = await port.issues.create(call, input);
            // Someone presses Cancel while issue 30 is being written.
            if (issue.key.endsWith("-30")) await cancel?.();
            return issue;
          },
        },
      }),
    });
    const source = await setup.connect();
    const run = await start(setup, source.id);
    const h = setup;
    cancel = async () => {
      const response = await h.call("POST", `/jira-import/runs/${run.id}/cancel`);
      expect((await response.json()).status).toBe("cancelling");
    };
    await setup.drain();

    const cancelled = await runOf(setup, run.id);
    expect(cancelled.status).toBe("cancelled");
    expect(setup.host.issues().length).toBeLessThan(60);
    expect((await setup.call("POST", `/jira-import/runs/${run.id}/cancel`)).status).toBe(200);
    cancel = null;
    const finished = await start(setup, source.id);
    await setup.drain();
    const refused = await setup.call("POST", `/jira-import/runs/${finished.id}/cancel`);
    expect(refused.status).toBe(409);
    expect(setup.host.issues()).toHaveLength(60);
  });

  it("writes nothing once Cancel is pressed while Jira's rate limit is waited out", async () => {
    let cancel: (() => Promise<unknown>) | null = null;
    setup = await jiraImportSetup({
      whileWaiting: async () => {
        await cancel?.();
      },
    });
    const source = await setup.connect();
    const run = await start(setup, source.id);
    const h = setup;
    cancel = async () => {
      cancel = null;
      await h.call("POST", `/jira-import/runs/${run.id}/cancel`);
    };
    // The run's first call to Jira answers 429: the Cancel lands during its Retry-After.
    setup.jira.simulation.rateLimitNext(1, 3);
    await setup.drain();

    expect((await runOf(setup, run.id)).status).toBe("cancelled");
    expect(setup.sleeps).toEqual([3000]);
    expect(setup.host.issues()).toHaveLength(0);
  });
});

describe("Jira import from a CSV export", () => {
  it("streams the export's attachments with the site's Cloud token, skipping one over the cap and one it cannot reach", async () => {
    setup = await jiraImportSetup();
    await setup.connect(); // the Cloud source whose token fetches the export's links
    const link = (id: string) => `${setup?.jira.origin}/rest/api/3/attachment/content/${id}`;
    const csv = [
      "Summary,Issue key,Issue id,Issue Type,Status,Created,Attachment,Attachment",
      `Telemetry,ORB-2,10002,Task,To Do,05/Jan/26 9:00 AM,05/Jan/26 9:30 AM;5b10a2844c20165700ede21g;tele;metry.csv;${link("10100")},05/Jan/26 9:31 AM;5b10a2844c20165700ede21g;elsewhere.png;https://other.atlassian.net/rest/api/3/attachment/content/5`,
      "",
    ].join("\n");
    const uploaded = await setup.call("POST", "/jira-import/sources/csv?timeZone=UTC", {
      body: csv,
      type: "text/csv",
    });
    const source = jiraSourceSchema.parse(await uploaded.json());
    const run = async (attachmentMaxBytes: number) => {
      const h = setup as NonNullable<typeof setup>;
      const response = await h.call("POST", "/jira-import/runs", {
        json: { ...scope(source.id), mapping: { attachmentMaxBytes } },
      });
      const started = jiraImportRunSchema.parse(await response.json());
      await h.drain();
      return runOf(h, started.id);
    };

    const small = await run(10);
    expect(small.status).toBe("succeeded");
    expect(small.report.skipped).toEqual([
      { item: "ORB-2 tele;metry.csv", reason: "Larger than the 10 byte limit" },
      {
        item: "ORB-2 elsewhere.png",
        reason:
          "Connect https://other.atlassian.net as a Jira Cloud source to bring the export's attachments",
      },
    ]);
    expect(setup.host.attachments()).toHaveLength(0);

    const roomy = await run(1_000_000);
    expect(roomy.report.attachments).toBe(1);
    expect(setup.host.attachments()).toEqual([
      expect.objectContaining({
        fileName: "tele;metry.csv",
        content: expect.stringContaining("altitude"),
      }),
    ]);
    // Again: the file already there is not uploaded twice.
    expect((await run(1_000_000)).report.attachments).toBe(0);
    expect(setup.host.attachments()).toHaveLength(1);
  });

  it("uploads the export streamed, reports the malformed row, imports the rest with parents", async () => {
    setup = await jiraImportSetup();
    const { createReadStream } = await import("node:fs");
    const { Readable } = await import("node:stream");
    const file = new URL("./csv/fixtures/jira-export.csv", import.meta.url).pathname;
    const refused = await setup.call("POST", "/jira-import/sources/csv?timeZone=Mars/Olympus", {
      body: "x",
      type: "text/csv",
    });
    expect(refused.status).toBe(400);
    const uploaded = await setup.call(
      "POST",
      "/jira-import/sources/csv?name=Export&timeZone=Europe/Paris",
      {
        body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
        type: "text/csv",
      },
    );
    expect(uploaded.status).toBe(201);
    const source = jiraSourceSchema.parse(await uploaded.json());
    expect(source).toMatchObject({ kind: "csv", rowCount: 5, timeZone: "Europe/Paris" });
    const projects = await (
      await setup.call("GET", `/jira-import/sources/${source.id}/projects`)
    ).json();
    expect(projects).toEqual({ data: [{ key: "ORB", name: "ORB" }] });

    const preview = jiraPreviewSchema.parse(
      await (await setup.call("POST", "/jira-import/preview", { json: scope(source.id) })).json(),
    );
    expect(preview.report).toMatchObject({
      issues: 4,
      skipped: [{ item: "ORB-4", reason: 'Created is not a date: "not a date"' }],
    });
    expect(preview.discovery.customFields).toEqual([{ name: "Customer", count: 2 }]);

    const run = await start(setup, source.id);
    await setup.drain();
    const done = await runOf(setup, run.id);
    expect(done.status).toBe("succeeded");
    expect(done.report.skipped).toEqual([
      { item: "ORB-4", reason: 'Created is not a date: "not a date"' },
    ]);
    const issues = setup.host.issues();
    expect(issues).toHaveLength(4);
    const epic = issues.find((issue) => issue.externalId === "jira:10001");
    const story = issues.find((issue) => issue.externalId === "jira:10002");
    expect(story).toMatchObject({ parentId: epic?.id, dueDate: "2026-01-20", estimate: 3 });
    expect(epic?.description).toContain("Customer: Globex");
    expect(setup.host.comments().map((comment) => comment.body)).toContain(
      "**Ada Lovelace** (Jira):\n\nDone; see\nthe graph",
    );
  });

  it("refuses a body that is not CSV and a file with no rows, leaving no source behind", async () => {
    setup = await jiraImportSetup();
    const json = await setup.call("POST", "/jira-import/sources/csv?timeZone=UTC", {
      json: { not: "csv" },
    });
    expect(json.status).toBe(415);
    const empty = await setup.call("POST", "/jira-import/sources/csv?timeZone=UTC", {
      body: "Summary,Issue key,Issue id\r\n",
      type: "text/csv",
    });
    expect(empty.status).toBe(400);
    expect(await (await setup.call("GET", "/jira-import/sources")).json()).toEqual({ data: [] });
  });
});
