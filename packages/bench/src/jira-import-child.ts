/**
 * One Jira import in a process of its own, so its peak RSS is the importer's alone (the fake
 * Jira and the CSV generator live in the parent). argv: mode ("cloud" | "csv"), the Jira origin
 * or the CSV path, a SQLite file. The host keeps only external id → id, like a database would.
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { jiraMappingSchema } from "@plugboard/core";
import { createPlugboard, generateEncryptionKey, type HostPort } from "@plugboard/server";
import { sqliteStore } from "@plugboard/server/sqlite";

const [mode, target, file] = process.argv.slice(2) as [string, string, string];
const ids = new Map<string, string>();
let comments = 0;
const at = new Date(0).toISOString();
const issue = (id: string, title: string) => ({
  id,
  key: `WEB-${id.slice(4)}`,
  projectId: "prj_web",
  title,
  description: null,
  stateId: "st_todo",
  priority: null,
  assigneeId: null,
  dueDate: null,
  url: `https://tracker.test/${id}`,
  createdAt: at,
  updatedAt: at,
});
const host: HostPort = {
  issues: {
    async create(_call, input) {
      const id = `iss_${ids.size + 1}`;
      ids.set(input.externalId ?? id, id);
      return issue(id, input.title);
    },
    async update(_call, id, changes) {
      return issue(id, changes.title ?? "");
    },
    async findByExternalId(_call, externalId) {
      const id = ids.get(externalId);
      return id ? issue(id, "") : null;
    },
  },
  comments: {
    async create(_call, input) {
      comments += 1;
      return {
        id: `com_${comments}`,
        issueId: input.issueId,
        body: "",
        authorId: null,
        createdAt: at,
      };
    },
  },
  projects: { list: async () => [{ id: "prj_web", key: "WEB", name: "Web" }] },
  workflowStates: {
    list: async () => [
      { id: "st_todo", name: "Todo", category: "unstarted" },
      { id: "st_done", name: "Done", category: "completed" },
    ],
  },
};
const store = await sqliteStore(file);
const admin = { userId: "usr_ada", organizationId: "org_acme", role: "admin" as const };
const plugboard = createPlugboard({
  store,
  authenticate: () => admin,
  encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
  host,
  jiraImport: { allowInsecureHttp: true },
  logger: { warn() {}, error: console.error },
});
const post = async (path: string, init: RequestInit) => {
  const response = await plugboard.handler(
    new Request(`http://bench.test/api/plugboard${path}`, {
      method: "POST",
      ...init,
    } as RequestInit),
  );
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<{ id: string }>;
};
const json = (body: unknown) => ({
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

let uploadMs = 0;
let source: { id: string; rowCount?: number };
if (mode === "cloud") {
  source = await post(
    "/jira-import/sources/cloud",
    json({ siteUrl: target, email: "ada@example.com", apiToken: "jira-test-api-token" }),
  );
} else {
  const started = performance.now();
  source = await post("/jira-import/sources/csv?timeZone=Europe/Paris", {
    headers: { "content-type": "text/csv" },
    body: Readable.toWeb(createReadStream(target)) as ReadableStream,
    duplex: "half",
  } as RequestInit);
  uploadMs = performance.now() - started;
}
const started = performance.now();
await post(
  "/jira-import/runs",
  json({
    sourceId: source.id,
    projectKey: "ORB",
    hostProjectId: "prj_web",
    mapping: jiraMappingSchema.parse({}),
  }),
);
for (;;) {
  const round = await plugboard.worker.runDue();
  if (round.claimed === 0) break;
}
const importMs = performance.now() - started;
await store.close();
process.send?.({
  issues: ids.size,
  comments,
  rows: source.rowCount ?? ids.size,
  uploadMs,
  importMs,
  // resourceUsage's maxRSS is in kilobytes.
  peakRssMb: process.resourceUsage().maxRSS / 1024,
});
process.disconnect();
