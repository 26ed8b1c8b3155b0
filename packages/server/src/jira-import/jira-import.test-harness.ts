import type { Identity } from "@plugboard/core";
import { startJiraSimulator } from "@plugboard/provider-simulators/node";
import Database from "better-sqlite3";
import { generateEncryptionKey } from "../crypto/keyring";
import { createMemoryHost } from "../host/memory-host";
import type { HostPort } from "../host/port";
import { createPlugboard } from "../plugboard";
import { sqliteStore } from "../stores/sqlite/index";

export const ORIGIN = "http://app.test";
const users: Record<string, Identity> = {
  ada: { userId: "usr_ada", organizationId: "org_acme", role: "admin" },
  grace: { userId: "usr_grace", organizationId: "org_acme", role: "member" },
};

/** The host tracker imports go into: one project with Plane-like states, two users. */
export function importHost() {
  return createMemoryHost({
    projects: [{ id: "prj_web", key: "WEB", name: "Web" }],
    states: {
      prj_web: [
        { id: "st_backlog", name: "Backlog", category: "backlog" },
        { id: "st_todo", name: "Todo", category: "unstarted" },
        { id: "st_doing", name: "In Progress", category: "started" },
        { id: "st_done", name: "Done", category: "completed" },
        { id: "st_cancelled", name: "Cancelled", category: "cancelled" },
      ],
    },
    users: [
      { id: "usr_ada", email: "ada@example.com", name: "Ada" },
      { id: "usr_grace", email: "GRACE@example.com", name: "Grace" },
    ],
  });
}

/**
 * Plugboard with Jira import on a SQLite store, the fake Jira on loopback, and the memory host.
 * `sleeps` records every wait the Jira client asked for (Retry-After, backoff) without waiting.
 */
export async function jiraImportSetup(
  options: {
    issues?: number;
    port?: (port: ReturnType<typeof importHost>["port"]) => HostPort;
    /** Runs during each wait the Jira client asks for (a Retry-After, a backoff). */
    whileWaiting?: () => Promise<void>;
  } = {},
) {
  const jira = await startJiraSimulator({ issues: options.issues ?? 60 });
  const database = new Database(":memory:");
  const store = await sqliteStore(database);
  const host = importHost();
  const sleeps: number[] = [];
  const plugboard = createPlugboard({
    store,
    authenticate: (request) => users[request.headers.get("x-user") ?? ""] ?? null,
    encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
    host: options.port ? options.port(host.port) : host.port,
    jiraImport: {
      allowInsecureHttp: true,
      retryBaseMs: 100,
      sleep: async (ms) => {
        sleeps.push(ms);
        await options.whileWaiting?.();
      },
    },
  });
  const call = (
    method: string,
    path: string,
    init: { user?: string; json?: unknown; body?: BodyInit; type?: string } = {},
  ) => {
    const headers = new Headers({ "x-user": init.user ?? "ada" });
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers.set("content-type", "application/json");
    }
    if (init.type) headers.set("content-type", init.type);
    return plugboard.handler(
      new Request(`${ORIGIN}/api/plugboard${path}`, {
        method,
        headers,
        body,
        ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
      } as RequestInit),
    );
  };
  /** Runs jobs until none is due: the import, resumed or retried, to its end. */
  const drain = async () => {
    for (;;) {
      const round = await plugboard.worker.runDue();
      if (round.claimed === 0 && round.scheduled === 0) return;
    }
  };
  const connect = async () => {
    const response = await call("POST", "/jira-import/sources/cloud", {
      json: { siteUrl: jira.origin, email: "ada@example.com", apiToken: "jira-test-api-token" },
    });
    return (await response.json()) as { id: string };
  };
  /** Every row of every Plugboard table: what "nothing written" is checked against. */
  const dump = () => {
    const tables = database
      .prepare("select name from sqlite_master where type = 'table' and name like 'plugboard_%'")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, database.prepare(`select * from "${name}"`).all()]),
    );
  };
  return {
    jira,
    host,
    store,
    plugboard,
    call,
    drain,
    connect,
    dump,
    sleeps,
    async close() {
      await plugboard.worker.stop();
      await store.close();
      await jira.close();
    },
  };
}

export const scope = (sourceId: string) => ({
  sourceId,
  projectKey: "ORB",
  hostProjectId: "prj_web",
});
