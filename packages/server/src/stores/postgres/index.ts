import {
  type DatabaseIntrospector,
  Kysely,
  PostgresDialect,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from "kysely";
import pg from "pg";
import { migrateToLatest } from "../sql/migrations/index";
import type { Database } from "../sql/schema";
import { sqlStore } from "../sql/sql-store";
import type { Store } from "../types";

export interface PostgresStoreOptions {
  /** Connections the store opens when given a URL. Default 10. */
  maxConnections?: number;
}

/**
 * PostgreSQL, for several app instances behind a load balancer. Pass a connection string (the
 * store owns and closes its pool) or your own `pg.Pool` (left open on close). Migrations run,
 * under Kysely's migration lock, before this resolves.
 */
export async function postgresStore(
  urlOrPool: string | pg.Pool,
  options: PostgresStoreOptions = {},
): Promise<Store> {
  const owned = typeof urlOrPool === "string";
  const pool = owned
    ? new pg.Pool({ connectionString: urlOrPool, max: options.maxConnections ?? 10 })
    : urlOrPool;
  const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  try {
    // Tables are created unqualified, so they land in the connection's current schema (the first
    // existing one on its search_path); the migrator must look for its own tables there too.
    const { rows } = await sql<{
      schema: string | null;
    }>`select current_schema() as schema`.execute(db);
    const schema = rows[0]?.schema;
    if (!schema) {
      throw new Error(
        "Plugboard cannot migrate: the connection's search_path names no existing schema",
      );
    }
    await migrateToLatest(db as Kysely<unknown>, { schema });
  } catch (error) {
    if (owned) await db.destroy();
    throw error;
  }
  return sqlStore(db, {
    isUniqueViolation: (error) =>
      typeof error === "object" && error !== null && "code" in error && error.code === "23505",
    close: async () => {
      // Kysely's destroy ends the pool; a pool the host passed in is the host's to end.
      if (owned) await db.destroy();
    },
  });
}

/**
 * Kysely's migrator asks the introspector which tables exist. Kysely's own PostgreSQL introspector
 * reads every column of every table in the whole database, calling functions that look schemas
 * up by name: slow in a big host database, and it fails outright ("schema … does not exist")
 * when another session drops a schema at that moment, so one tenant's or test run's cleanup
 * could break another's start. Plugboard only needs its own schema's tables, by name.
 */
class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return {
      async getSchemas(): Promise<SchemaMetadata[]> {
        const { rows } = await sql<SchemaMetadata>`
          select nspname as name from pg_catalog.pg_namespace`.execute(db);
        return rows;
      },
      async getTables(): Promise<TableMetadata[]> {
        const { rows } = await sql<{ name: string; schema: string; kind: string }>`
          select c.relname as name, n.nspname as schema, c.relkind as kind
          from pg_catalog.pg_class c
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v')`.execute(db);
        return rows.map((row) => ({
          name: row.name,
          schema: row.schema,
          isView: row.kind === "v",
          columns: [],
        }));
      },
      async getMetadata() {
        return { tables: await this.getTables() };
      },
    };
  }
}
