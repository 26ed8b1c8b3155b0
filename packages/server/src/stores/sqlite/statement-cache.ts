import type Database from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/**
 * Kysely's SQLite driver prepares every statement anew, which costs as much as running it; the
 * dispatcher and the key verifier repeat a few dozen statements millions of times. Reusing a
 * prepared statement is safe here because Kysely's driver runs one query at a time on its single
 * connection. Bounded, least recently used first out: `in (?, ?, …)` lists vary in length.
 */
export function withStatementCache(database: Database.Database, max = 500): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > max) statements.delete(statements.keys().next().value as string);
      return statement;
    },
    close() {
      statements.clear();
      database.close();
    },
  };
}
