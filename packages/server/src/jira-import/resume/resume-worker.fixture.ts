/**
 * An import worker in a process of its own, for the crash test: Plugboard over a SQLite file, the
 * fake Jira at JIRA_ORIGIN, and the host port proxied to the parent test process over HTTP (the
 * host's tracker outlives this process, like a real one). Tells the parent when the run ends.
 */
import { setTimeout as delay } from "node:timers/promises";
import type { HostPort } from "../../host/port";
import { createPlugboard } from "../../plugboard";
import { sqliteStore } from "../../stores/sqlite/index";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const [PLUGBOARD_DB, HOST_RPC, ENCRYPTION_KEY, RUN_ID] = [
  "PLUGBOARD_DB",
  "HOST_RPC",
  "ENCRYPTION_KEY",
  "RUN_ID",
].map(env) as [string, string, string, string];

async function rpc(capability: string, args: unknown[]) {
  const response = await fetch(HOST_RPC, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ capability, args }),
  });
  if (!response.ok) throw new Error(await response.text());
  return response.json();
}

const proxy = (group: string, methods: string[]) =>
  Object.fromEntries(
    methods.map((method) => [method, (...args: unknown[]) => rpc(`${group}.${method}`, args)]),
  );

const host: HostPort = {
  issues: proxy("issues", ["create", "update", "findByExternalId"]),
  comments: proxy("comments", ["create", "findByExternalId"]),
  projects: proxy("projects", ["list"]),
  workflowStates: proxy("workflowStates", ["list"]),
  users: proxy("users", ["findByEmail", "list"]),
  cycles: proxy("cycles", ["list", "create"]),
  attachments: {
    // A stream does not cross JSON: the bytes go as text, the parent streams them on.
    async upload(call, { content, ...input }) {
      return rpc("attachments.upload", [
        call,
        { ...input, content: await new Response(content).text() },
      ]);
    },
  },
};

const store = await sqliteStore(PLUGBOARD_DB);
const plugboard = createPlugboard({
  store,
  authenticate: () => null,
  encryption: { currentKeyId: "k1", keys: { k1: ENCRYPTION_KEY } },
  host,
  jiraImport: { allowInsecureHttp: true },
  // Short leases: the killed worker's claim lapses within the test.
  jobs: { leaseMs: 600, pollIntervalMs: 50 },
});
plugboard.worker.start();
process.send?.({ type: "ready" });
for (;;) {
  const run = await store.jiraImport.getRunById(RUN_ID);
  if (run && !["queued", "running"].includes(run.status)) {
    await plugboard.worker.stop();
    await store.close();
    process.send?.({ type: "finished", status: run.status });
    process.disconnect();
    break;
  }
  await delay(50);
}
