import { createHash, timingSafeEqual } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ApiKeyScope, generateApiKey } from "@plugboard/core";
import {
  type ApiKeyRecord,
  createPlugboard,
  generateEncryptionKey,
  memoryStore,
  type Store,
} from "@plugboard/server";
import { sqliteStore } from "@plugboard/server/sqlite";
import Database from "better-sqlite3";
import { compare, formatRate, formatTable, type Suite } from "./harness";

const storedKeys = 100_000;
/** Distinct keys presented in turn, so one hot key does not flatter the cache. */
const presented = 1_000;
const latencySamples = 20_000;
const sha256 = (text: string) => createHash("sha256").update(text).digest();

function makeKeys() {
  const secrets: string[] = [];
  const records: ApiKeyRecord[] = [];
  const now = Date.now();
  for (let i = 0; i < storedKeys; i++) {
    const { key, displayPrefix } = generateApiKey({ env: "live" });
    secrets.push(key);
    records.push({
      id: `key_bench${String(i).padStart(7, "0")}`,
      organizationId: `org_${i % 500}`,
      projectId: null,
      createdBy: "usr_bench",
      name: `Bench ${i}`,
      env: "live",
      displayPrefix,
      lookupHash: sha256(key).toString("hex"),
      scopes: ["issues:read", "comments:*"] as ApiKeyScope[],
      rateLimitPerMinute: null,
      expiresAt: null,
      revokedAt: null,
      disabledAt: null,
      rotatedFromId: null,
      lastUsedAt: null,
      usageCount: 0,
      createdAt: now,
      updatedAt: now,
    });
  }
  return { secrets, records };
}

/** Flips one character of the random part: the checksum no longer matches. */
function badChecksum(key: string): string {
  const index = 12;
  return key.slice(0, index) + (key[index] === "a" ? "b" : "a") + key.slice(index + 1);
}

async function sqliteWith(records: ApiKeyRecord[], file: string): Promise<Store> {
  const database = new Database(file);
  const store = await sqliteStore(database);
  const insert = database.prepare(
    `insert into plugboard_api_keys (id, organization_id, project_id, created_by, name, env,
      display_prefix, lookup_hash, scopes, rate_limit_per_minute, expires_at, revoked_at,
      disabled_at, rotated_from_id, last_used_at, usage_count, created_at, updated_at)
     values (?, ?, null, ?, ?, ?, ?, ?, ?, null, null, null, null, null, null, 0, ?, ?)`,
  );
  database.transaction(() => {
    for (const r of records) {
      insert.run(
        r.id,
        r.organizationId,
        r.createdBy,
        r.name,
        r.env,
        r.displayPrefix,
        r.lookupHash,
        JSON.stringify(r.scopes),
        r.createdAt,
        r.updatedAt,
      );
    }
  })();
  return store;
}

function verifierOver(store: Store, cacheTtlMs: number) {
  return createPlugboard({
    store,
    authenticate: () => null,
    encryption: { currentKeyId: "k", keys: { k: generateEncryptionKey() } },
    apiKeys: { cacheTtlMs },
  }).apiKeys.verify;
}

async function p99(operation: () => unknown): Promise<number> {
  const times = new Float64Array(latencySamples);
  for (let i = 0; i < latencySamples; i++) {
    const start = performance.now();
    await operation();
    times[i] = performance.now() - start;
  }
  times.sort();
  return (times[Math.floor(latencySamples * 0.99)] ?? Number.NaN) * 1000;
}

function cycle(values: string[]) {
  let i = 0;
  return () => values[i++ % values.length] as string;
}

export const apiKeyVerify: Suite = {
  name: "API key verify",
  async run() {
    const started = performance.now();
    const { secrets, records } = makeKeys();
    const directory = mkdtempSync(join(tmpdir(), "plugboard-bench-"));
    const memory = memoryStore();
    for (const record of records) await memory.apiKeys.create(record);
    const sqlite = await sqliteWith(records, join(directory, "bench.db"));
    console.log(
      `${storedKeys.toLocaleString("en-US")} keys stored in each store, ${presented} distinct keys presented in turn (setup ${Math.round(performance.now() - started)} ms)\n`,
    );

    const valid = secrets.slice(0, presented);
    const invalid = valid.map(badChecksum);
    const unknown = Array.from({ length: presented }, () => generateApiKey({ env: "live" }).key);

    // The floor: what any verifier must do for a valid key, with nothing else.
    const byHash = new Map(records.map((record) => [record.lookupHash, record]));
    const nextRaw = cycle(valid);
    const raw = () => {
      const digest = sha256(nextRaw());
      const record = byHash.get(digest.toString("hex"));
      if (!record || !timingSafeEqual(Buffer.from(record.lookupHash, "hex"), digest)) {
        throw new Error("raw lookup failed");
      }
    };

    const operations: Record<string, () => unknown> = {
      "raw (sha256 + Map + timingSafeEqual)": raw,
    };
    for (const [storeName, store] of [
      ["memory", memory],
      ["sqlite", sqlite],
    ] as const) {
      for (const [cacheName, ttl] of [
        ["cache", 10_000],
        ["no cache", 0],
      ] as const) {
        const verify = verifierOver(store, ttl);
        const nextValid = cycle(valid);
        const nextInvalid = cycle(invalid);
        const nextUnknown = cycle(unknown);
        operations[`${storeName}, ${cacheName}: valid`] = async () => {
          if (!(await verify(nextValid(), { scopes: ["issues:read"] })).valid)
            throw new Error("expected valid");
        };
        operations[`${storeName}, ${cacheName}: bad checksum`] = () => verify(nextInvalid());
        operations[`${storeName}, ${cacheName}: unknown`] = () => verify(nextUnknown());
      }
    }

    const rates = await compare(operations, { rounds: 5, roundMs: 120 });
    const rawRate = rates["raw (sha256 + Map + timingSafeEqual)"] as number;
    const rows: string[][] = [];
    for (const [name, operation] of Object.entries(operations)) {
      const rate = rates[name] as number;
      rows.push([
        name,
        formatRate(rate),
        `${(rate / rawRate).toFixed(2)}×`,
        (await p99(operation)).toFixed(1),
      ]);
    }
    console.log(formatTable(["case", "verifies/s", "vs raw", "p99 µs"], rows));

    const check = (label: string, rate: number, target: number) =>
      console.log(
        `${rate / rawRate >= target ? "PASS" : "MISS"}  ${label}: ${(rate / rawRate).toFixed(2)}× raw (target ≥ ${target}×)`,
      );
    console.log("");
    for (const store of ["memory", "sqlite"]) {
      check(`${store} warm valid`, rates[`${store}, cache: valid`] as number, 0.5);
      check(`${store} bad checksum`, rates[`${store}, cache: bad checksum`] as number, 1);
    }
    await memory.close();
    await sqlite.close();
    rmSync(directory, { recursive: true, force: true });
  },
};
