import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installationRecord } from "../../integrations/store/installations-conformance";
import { describeStoreConformance } from "../../testing/store-conformance";
import { sqliteStore } from "./index";

let directory: string;
let files = 0;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "plugboard-sqlite-"));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** A new database file in this run's temporary directory. */
function newFile(): string {
  files += 1;
  return join(directory, `store-${files}.db`);
}

describeStoreConformance("sqliteStore (file)", async () => {
  const file = newFile();
  return {
    store: await sqliteStore(file),
    cleanup: async () => {
      for (const suffix of ["", "-wal", "-shm"]) await rm(`${file}${suffix}`, { force: true });
    },
  };
});

describeStoreConformance("sqliteStore (:memory:)", async () => ({
  store: await sqliteStore(":memory:"),
}));

describe("sqliteStore", () => {
  it("creates Plugboard's tables on start and records the migration", async () => {
    const file = newFile();
    const store = await sqliteStore(file);
    await store.close();

    const database = new Database(file, { readonly: true });
    try {
      const tables = database
        .prepare("select name from sqlite_master where type = 'table' order by name")
        .pluck()
        .all();
      expect(tables).toEqual(
        expect.arrayContaining([
          "plugboard_installations",
          "plugboard_migrations",
          "plugboard_migrations_lock",
        ]),
      );
      const applied = database
        .prepare("select name from plugboard_migrations order by name")
        .pluck()
        .all() as string[];
      expect(applied[0]).toBe("0001_installations");
      expect(new Set(applied).size).toBe(applied.length);
    } finally {
      database.close();
    }
  });

  it("prunes the delivery log through indexes, not by scanning every row", async () => {
    const file = newFile();
    await (await sqliteStore(file)).close();
    const database = new Database(file, { readonly: true });
    try {
      // The shapes of the store's prune statements; a full scan shows as "SCAN <table>".
      const plans = [
        "select id from plugboard_webhook_messages where status <> 'pending' and coalesce(last_attempt_at, created_at) < 1",
        "select id from plugboard_webhook_attempts where created_at < 1",
        "select id from plugboard_webhook_events where created_at < 1",
      ].map((query) =>
        (database.prepare(`explain query plan ${query}`).all() as { detail: string }[])
          .map((step) => step.detail)
          .join("; "),
      );
      for (const plan of plans) expect(plan).toMatch(/USING (COVERING )?INDEX/);
    } finally {
      database.close();
    }
  });

  it("re-opens an existing file without re-running migrations and keeps its data", async () => {
    const file = newFile();
    const record = installationRecord({ scopes: ["chat:write"] });
    const first = await sqliteStore(file);
    await first.installations.create(record);
    await first.close();

    const migrations = () => {
      const database = new Database(file, { readonly: true });
      try {
        return database.prepare("select name, timestamp from plugboard_migrations").all();
      } finally {
        database.close();
      }
    };
    const appliedBefore = migrations();

    const second = await sqliteStore(file);
    try {
      // Nothing ran again: the same migrations, with the times they first ran.
      expect(migrations()).toEqual(appliedBefore);
      expect(await second.installations.list(record.organizationId)).toEqual([record]);
      // The unique index survived too: the same place is still taken.
      await expect(second.installations.create(installationRecord())).rejects.toMatchObject({
        code: "conflict",
      });
    } finally {
      await second.close();
    }
  });

  it("keeps nothing between two :memory: stores", async () => {
    const first = await sqliteStore(":memory:");
    const record = installationRecord();
    await first.installations.create(record);
    const second = await sqliteStore(":memory:");
    try {
      expect(await first.installations.list(record.organizationId)).toEqual([record]);
      expect(await second.installations.list(record.organizationId)).toEqual([]);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it("uses a database the host opened and leaves it open on close", async () => {
    const database = new Database(newFile());
    try {
      const store = await sqliteStore(database);
      const record = installationRecord();
      await store.installations.create(record);
      await store.close();

      expect(database.open).toBe(true);
      const ids = database.prepare("select id from plugboard_installations").pluck().all();
      expect(ids).toEqual([record.id]);
    } finally {
      database.close();
    }
  });
});
