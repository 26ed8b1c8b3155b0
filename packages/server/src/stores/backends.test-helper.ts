import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { memoryStore } from "./memory/memory-store";
import { postgresStore } from "./postgres/index";
import { sqliteStore } from "./sqlite/index";
import type { Store } from "./types";

export interface Backend {
  name: string;
  open(): Promise<OpenedBackend>;
}

export interface OpenedBackend {
  store: Store;
  /** A second store over the same data (another app instance). */
  another(): Promise<Store>;
  /** Every byte the backend holds, as text, to search for secrets; null for memory. */
  dump(): Promise<string | null>;
  close(): Promise<void>;
}

const postgresUrl = process.env.PLUGBOARD_TEST_POSTGRES_URL;

if (!postgresUrl) {
  console.warn(
    [
      "",
      "!".repeat(78),
      "!! Tests on PostgreSQL (API keys, hostile input) were NOT run: PLUGBOARD_TEST_POSTGRES_URL is not set.",
      "!!   PLUGBOARD_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test npx vitest run",
      "!".repeat(78),
      "",
    ].join("\n"),
  );
}

const memory: Backend = {
  name: "memory",
  async open() {
    const store = memoryStore();
    return {
      store,
      another: async () => store,
      dump: async () => null,
      close: () => store.close(),
    };
  },
};

const sqlite: Backend = {
  name: "sqlite",
  async open() {
    const directory = await mkdtemp(join(tmpdir(), "plugboard-api-keys-"));
    const file = join(directory, "plugboard.db");
    const store = await sqliteStore(file);
    return {
      store,
      // One process per SQLite file (see sqliteStore): a second instance in this process shares
      // the store, with a cache of its own.
      another: async () => store,
      async dump() {
        const parts = await Promise.all(
          ["", "-wal", "-shm"].map((suffix) =>
            readFile(`${file}${suffix}`).then(
              (bytes) => bytes.toString("latin1"),
              () => "",
            ),
          ),
        );
        return parts.join("\n");
      },
      async close() {
        await store.close();
        await rm(directory, { recursive: true, force: true });
      },
    };
  },
};

function postgres(url: string): Backend {
  return {
    name: "postgres",
    async open() {
      const schema = `plugboard_keys_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Pool({ connectionString: url, max: 1 });
      await admin.query(`create schema "${schema}"`);
      const pools: pg.Pool[] = [];
      const open = () => {
        const pool = new pg.Pool({
          connectionString: url,
          options: `-c search_path=${schema}`,
          max: 6,
        });
        pools.push(pool);
        return postgresStore(pool);
      };
      const stores = [await open()];
      return {
        store: stores[0] as Store,
        async another() {
          const store = await open();
          stores.push(store);
          return store;
        },
        async dump() {
          const { rows } = await admin.query<{ table_name: string }>(
            "select table_name from information_schema.tables where table_schema = $1",
            [schema],
          );
          const texts: string[] = [];
          for (const { table_name } of rows) {
            const result = await admin.query(`select * from "${schema}"."${table_name}"`);
            texts.push(JSON.stringify(result.rows));
          }
          return texts.join("\n");
        },
        async close() {
          for (const store of stores) await store.close();
          await Promise.all(pools.map((pool) => pool.end()));
          await admin.query(`drop schema if exists "${schema}" cascade`);
          await admin.end();
        },
      };
    },
  };
}

/** memory and SQLite always; PostgreSQL when PLUGBOARD_TEST_POSTGRES_URL is set. */
export const backends: Backend[] = [
  memory,
  sqlite,
  ...(postgresUrl ? [postgres(postgresUrl)] : []),
];
