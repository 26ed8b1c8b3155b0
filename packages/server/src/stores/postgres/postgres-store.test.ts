import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installationRecord } from "../../integrations/store/installations-conformance";
import { describeStoreConformance } from "../../testing/store-conformance";
import { postgresStore } from "./index";

const url = process.env.PLUGBOARD_TEST_POSTGRES_URL;
const skipped = "SKIPPED: set PLUGBOARD_TEST_POSTGRES_URL to run the PostgreSQL store tests";

if (!url) {
  console.warn(
    [
      "",
      "!".repeat(78),
      "!! postgresStore tests were NOT run: PLUGBOARD_TEST_POSTGRES_URL is not set.",
      "!! Run them with, for example:",
      "!!   PLUGBOARD_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test npx vitest run",
      "!".repeat(78),
      "",
    ].join("\n"),
  );
  describe.skip(`postgresStore — ${skipped}`, () => {
    it.skip(skipped, () => {});
  });
} else {
  describePostgres(url);
}

function describePostgres(url: string): void {
  /** Creates and drops the per-test schemas; never used by a store. */
  let admin: pg.Pool;

  beforeAll(async () => {
    admin = new pg.Pool({ connectionString: url, max: 2 });
    // Runs that were killed never dropped their schemas: sweep those over an hour old (never a
    // recent one, which may belong to a run going on right now).
    const { rows } = await admin.query<{ name: string }>(
      "select nspname as name from pg_namespace where nspname like 'plugboard\\_test\\_%'",
    );
    const cutoff = Math.floor(Date.now() / 1000) - 3600;
    for (const { name } of rows) {
      const created = Number(/^plugboard_test_(\d+)_/.exec(name)?.[1]);
      if (created < cutoff) await admin.query(`drop schema if exists "${name}" cascade`);
    }
  });

  afterAll(async () => {
    await admin.end();
  });

  /**
   * A schema of its own for each store, so parallel runs (and tests) never see each other's rows.
   * Every connection of the returned pool has its search_path set to it.
   */
  async function freshSchema() {
    const created = Math.floor(Date.now() / 1000);
    const schema = `plugboard_test_${created}_${randomBytes(6).toString("hex")}`;
    await admin.query(`create schema "${schema}"`);
    const pools: pg.Pool[] = [];
    return {
      schema,
      pool(): pg.Pool {
        const pool = new pg.Pool({
          connectionString: url,
          options: `-c search_path=${schema}`,
          max: 4,
        });
        pools.push(pool);
        return pool;
      },
      /** The same database URL, with the search_path carried in the connection string. */
      url(): string {
        const withSchema = new URL(url);
        withSchema.searchParams.set("options", `-c search_path=${schema}`);
        return withSchema.toString();
      },
      async tables(): Promise<string[]> {
        const { rows } = await admin.query<{ table_name: string }>(
          "select table_name from information_schema.tables where table_schema = $1 order by table_name",
          [schema],
        );
        return rows.map((row) => row.table_name);
      },
      /** Ends the pools (a store may already have ended one) and drops the schema regardless. */
      async drop(): Promise<void> {
        await Promise.allSettled(pools.splice(0).map((pool) => pool.end()));
        await admin.query(`drop schema if exists "${schema}" cascade`);
      },
    };
  }

  describeStoreConformance("postgresStore", async () => {
    const schema = await freshSchema();
    try {
      return { store: await postgresStore(schema.pool()), cleanup: () => schema.drop() };
    } catch (error) {
      await schema.drop();
      throw error;
    }
  });

  describe("postgresStore", () => {
    it("creates its tables in the connection's schema on start", async () => {
      const schema = await freshSchema();
      try {
        const store = await postgresStore(schema.pool());
        await store.close();
        expect(await schema.tables()).toEqual(
          expect.arrayContaining([
            "plugboard_installations",
            "plugboard_migrations",
            "plugboard_migrations_lock",
          ]),
        );
      } finally {
        await schema.drop();
      }
    });

    it("migrates a new schema even when another schema already holds Plugboard's tables", async () => {
      const first = await freshSchema();
      const second = await freshSchema();
      try {
        const a = await postgresStore(first.pool());
        const b = await postgresStore(second.pool());
        const record = installationRecord();
        await a.installations.create(record);

        expect(await second.tables()).toContain("plugboard_installations");
        expect(await b.installations.list(record.organizationId)).toEqual([]);
        await a.close();
        await b.close();
      } finally {
        await first.drop();
        await second.drop();
      }
    });

    it("accepts a connection string, owns that pool and ends it on close", async () => {
      const schema = await freshSchema();
      try {
        const store = await postgresStore(schema.url(), { maxConnections: 2 });
        const record = installationRecord({ scopes: ["chat:write"] });
        await store.installations.create(record);
        expect(await store.installations.list(record.organizationId)).toEqual([record]);
        await store.close();

        expect(await schema.tables()).toContain("plugboard_installations");
        await expect(store.installations.list(record.organizationId)).rejects.toThrow();
      } finally {
        await schema.drop();
      }
    });

    it("rejects when the connection string points nowhere", async () => {
      const unreachable = new URL(url);
      unreachable.port = "1"; // nothing listens on port 1
      await expect(postgresStore(unreachable.toString())).rejects.toThrow();
    });

    it("leaves a pool the host passed in open on close", async () => {
      const schema = await freshSchema();
      try {
        const pool = schema.pool();
        const store = await postgresStore(pool);
        await store.close();
        const { rows } = await pool.query<{ one: number }>("select 1 as one");
        expect(rows).toEqual([{ one: 1 }]);
      } finally {
        await schema.drop();
      }
    });

    it("lets two stores migrate the same schema at the same time", async () => {
      const schema = await freshSchema();
      try {
        const [a, b] = await Promise.all([
          postgresStore(schema.pool()),
          postgresStore(schema.pool()),
        ]);
        const { rows } = await admin.query<{ name: string }>(
          `select name from "${schema.schema}".plugboard_migrations order by name`,
        );
        const applied = rows.map((row) => row.name);
        expect(applied[0]).toBe("0001_installations");
        expect(new Set(applied).size).toBe(applied.length); // each migration ran once

        // Both are usable and see the same data.
        const record = installationRecord();
        await a.installations.create(record);
        expect(await b.installations.get(record.organizationId, record.id)).toEqual(record);
        await expect(b.installations.create(installationRecord())).rejects.toMatchObject({
          code: "conflict",
        });
        await a.close();
        await b.close();
      } finally {
        await schema.drop();
      }
    });

    it("re-opens a migrated schema and keeps its data", async () => {
      const schema = await freshSchema();
      try {
        const record = installationRecord();
        const first = await postgresStore(schema.pool());
        await first.installations.create(record);
        await first.close();

        const second = await postgresStore(schema.pool());
        expect(await second.installations.list(record.organizationId)).toEqual([record]);
        await second.close();
      } finally {
        await schema.drop();
      }
    });
  });
}
