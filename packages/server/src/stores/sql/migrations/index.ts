import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import { builtinModules } from "../../../modules";

/**
 * Every module's migrations, versioned and append-only. Written with Kysely's schema builder in
 * types both SQLite and PostgreSQL accept (`bigint` is INTEGER affinity in SQLite), so one list
 * serves both. Names are unique across modules and sort in the order they apply.
 */
function collectMigrations(): Record<string, Migration> {
  const migrations: Record<string, Migration> = {};
  for (const module of builtinModules) {
    for (const [name, migration] of Object.entries(module.migrations ?? {})) {
      if (name in migrations) throw new Error(`Two modules define the migration ${name}`);
      migrations[name] = migration;
    }
  }
  return migrations;
}

const migrations = collectMigrations();

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrateOptions {
  /**
   * The schema that holds (and will hold) Plugboard's tables, on databases that have schemas.
   * Kysely's migrator looks for its bookkeeping tables in *every* schema unless told which one,
   * so without this a second schema with Plugboard's tables in the same database (another
   * tenant, another test run) makes it skip creating them here and then fail.
   */
  schema?: string;
}

/** Brings the schema up to date; safe to call on every start and from several processes. */
export async function migrateToLatest(
  db: Kysely<unknown>,
  options: MigrateOptions = {},
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: "plugboard_migrations",
    migrationLockTableName: "plugboard_migrations_lock",
    ...(options.schema === undefined ? {} : { migrationTableSchema: options.schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName;
    const what = failed ? `Plugboard migration ${failed}` : "Plugboard's migrations";
    throw new Error(`${what} failed: ${String(error)}`, { cause: error });
  }
}
