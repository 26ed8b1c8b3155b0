import { createPlugboard, type Plugboard } from "@plugboard/server";
import { postgresStore } from "@plugboard/server/postgres";
import { sqliteStore } from "@plugboard/server/sqlite";

/** A dispatcher process's peak resident set size, and its live JS heap after a full GC. */
export interface DispatcherMemory {
  peakRssMiB: number;
  heapAfterGcMiB: number;
}

export interface DispatcherOptions {
  batchSize?: number;
  concurrency?: number;
  leaseMs?: number;
}

/**
 * A plugboard over a SQLite file, or a PostgreSQL database given by its `postgres://` URL, whose
 * dispatcher may call the loopback receiver.
 */
export async function deliveryKit(
  database: string,
  key: string,
  dispatcher: DispatcherOptions = {},
) {
  const store = database.startsWith("postgres://")
    ? await postgresStore(database, { maxConnections: 4 })
    : await sqliteStore(database);
  const plugboard: Plugboard = createPlugboard({
    store,
    authenticate: () => ({ userId: "usr_bench", organizationId: "org_bench", role: "admin" }),
    encryption: { currentKeyId: "k1", keys: { k1: key } },
    webhooks: {
      allowHttp: true,
      allowAddresses: ["127.0.0.1"],
      dispatcher: { pollIntervalMs: 20, ...dispatcher },
    },
  });
  return { store, plugboard };
}

export async function addEndpoint(plugboard: Plugboard, url: string): Promise<void> {
  const response = await plugboard.handler(
    new Request("http://bench.local/api/plugboard/webhooks/endpoints", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url }),
    }),
  );
  if (response.status !== 201) throw new Error(`endpoint not created: ${await response.text()}`);
}

export async function publishMany(plugboard: Plugboard, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await plugboard.events.publish({
      organizationId: "org_bench",
      type: "issue.updated",
      data: { id: `iss_${i}`, title: "Benchmark issue", number: i },
    });
  }
}
