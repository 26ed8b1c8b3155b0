import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { migrateToLatest } from "../sql/migrations/index";
import type { Database as Schema } from "../sql/schema";
import { sqlStore } from "../sql/sql-store";
import type { Store } from "../types";
import { withStatementCache } from "./statement-cache";

/**
 * The embedded default: one SQLite file, zero setup. Migrations run before this resolves.
 * Pass a path (`":memory:"` for a throwaway database) or an open better-sqlite3 database.
 * One process per file: SQLite serializes writers, so run a single dispatcher against it.
 */
export async function sqliteStore(fileOrDatabase: string | Database.Database): Promise<Store> {
  const owned = typeof fileOrDatabase === "string";
  const database = owned ? new Database(fileOrDatabase) : fileOrDatabase;
  // WAL lets readers proceed during a write; busy_timeout waits out a concurrent writer.
  database.pragma("journal_mode = WAL");
  database.pragma("busy_timeout = 5000");
  database.pragma("foreign_keys = ON");
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
  await migrateToLatest(db as Kysely<unknown>);
  return sqlStore(db, {
    // One connection serializes every write anyway: batching them costs no parallelism.
    groupCommits: true,
    isUniqueViolation: (error) =>
      typeof error === "object" &&
      error !== null &&
      "code" in error &&
      String(error.code).startsWith("SQLITE_CONSTRAINT_UNIQUE"),
    close: async () => {
      if (owned) await db.destroy();
    },
  });
}
