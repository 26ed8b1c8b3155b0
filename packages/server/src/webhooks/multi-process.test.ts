import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { generateEncryptionKey } from "../crypto/keyring";
import { createPlugboard, type Plugboard } from "../plugboard";
import { postgresStore } from "../stores/postgres/index";
import { sqliteStore } from "../stores/sqlite/index";
import type { Store } from "../stores/types";
import { startReceiver } from "./webhooks.test-harness";

const admin = { userId: "usr_ada", organizationId: "org_acme", role: "admin" as const };

function kit(store: Store, key: string, dispatcher = {}): Plugboard {
  return createPlugboard({
    store,
    authenticate: () => admin,
    encryption: { currentKeyId: "k1", keys: { k1: key } },
    webhooks: {
      allowHttp: true,
      allowAddresses: ["127.0.0.1"],
      dispatcher: { pollIntervalMs: 20, ...dispatcher },
    },
  });
}

async function addEndpoint(plugboard: Plugboard, url: string): Promise<void> {
  const response = await plugboard.handler(
    new Request("http://app.test/api/plugboard/webhooks/endpoints", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url }),
    }),
  );
  expect(response.status).toBe(201);
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const countIds = (received: { headers: Record<string, unknown> }[]) => {
  const counts = new Map<string, number>();
  for (const request of received) {
    const id = String(request.headers["webhook-id"]);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
};

const postgresUrl = process.env.PLUGBOARD_TEST_POSTGRES_URL;

describe.skipIf(!postgresUrl)("webhook dispatchers sharing PostgreSQL", () => {
  const pools: pg.Pool[] = [];
  let schema = "";
  const adminPool = postgresUrl ? new pg.Pool({ connectionString: postgresUrl, max: 1 }) : null;

  afterAll(async () => {
    await Promise.allSettled(pools.map((pool) => pool.end()));
    if (schema) await adminPool?.query(`drop schema if exists "${schema}" cascade`);
    await adminPool?.end();
  });

  it("deliver each message exactly once between two dispatchers (row leasing, SKIP LOCKED)", async () => {
    schema = `plugboard_test_${Math.floor(Date.now() / 1000)}_${randomBytes(6).toString("hex")}`;
    await adminPool?.query(`create schema "${schema}"`);
    const pool = () => {
      const created = new pg.Pool({
        connectionString: postgresUrl,
        options: `-c search_path=${schema}`,
        max: 6,
      });
      pools.push(created);
      return created;
    };
    const receiver = await startReceiver();
    const key = generateEncryptionKey();
    const a = kit(await postgresStore(pool()), key, { batchSize: 10, concurrency: 4 });
    const b = kit(await postgresStore(pool()), key, { batchSize: 10, concurrency: 4 });
    await addEndpoint(a, receiver.url);
    const total = 300;
    for (let i = 0; i < total; i++) {
      await a.events.publish({ organizationId: "org_acme", type: "issue.created", data: { i } });
    }
    a.dispatcher.start();
    b.dispatcher.start();
    try {
      await waitFor(() => countIds(receiver.received).size === total, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 200)); // any duplicate would land now
    } finally {
      await Promise.all([a.dispatcher.stop(), b.dispatcher.stop()]);
      await receiver.close();
    }
    const counts = countIds(receiver.received);
    expect(counts.size).toBe(total);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(receiver.received).toHaveLength(total);
  }, 60_000);
});

describe("webhook dispatcher crash recovery", () => {
  it("delivers every message at least once after a SIGKILL mid-run and a restart", async () => {
    const directory = await mkdtemp(join(tmpdir(), "plugboard-crash-"));
    const file = join(directory, "outbox.db");
    const key = generateEncryptionKey();
    const receiver = await startReceiver();
    const store = await sqliteStore(file);
    const setup = kit(store, key);
    await addEndpoint(setup, receiver.url);
    const total = 400;
    for (let i = 0; i < total; i++) {
      await setup.events.publish({
        organizationId: "org_acme",
        type: "issue.created",
        data: { i },
      });
    }
    await store.close();

    const spawn = () =>
      new Promise<ChildProcess>((resolve, reject) => {
        const child = fork(new URL("./dispatcher-process.fixture.ts", import.meta.url).pathname, {
          env: { ...process.env, PLUGBOARD_DB: file, PLUGBOARD_KEY: key },
          execArgv: ["--conditions=@plugboard/source", "--import", "tsx"],
          stdio: ["ignore", "ignore", "inherit", "ipc"],
        });
        child.once("message", () => resolve(child));
        child.once("error", reject);
      });
    let child: ChildProcess | undefined;
    try {
      child = await spawn();
      await waitFor(() => receiver.received.length >= 60, 20_000);
      child.kill("SIGKILL");
      await new Promise((resolve) => child?.once("exit", resolve));
      const beforeRestart = countIds(receiver.received).size;
      expect(beforeRestart).toBeLessThan(total);

      child = await spawn();
      await waitFor(() => countIds(receiver.received).size === total, 30_000);
    } finally {
      child?.kill("SIGKILL");
      await receiver.close();
      await rm(directory, { recursive: true, force: true });
    }
    expect(countIds(receiver.received).size).toBe(total);
  }, 60_000);
});
