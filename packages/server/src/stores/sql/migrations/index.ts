import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import { apiKeys } from "../../../api-keys/migrations/0003-api-keys";
import { installations } from "../../../integrations/migrations/0001-installations";
import { oauth } from "../../../integrations/migrations/0004-oauth";
import { webhooks } from "../../../webhooks/migrations/0002-webhooks";
import { webhookRetention } from "../../../webhooks/migrations/0005-webhook-retention";
import { webhookSecretUrls } from "../../../webhooks/migrations/0006-webhook-secret-urls";

/**
 * Versioned, append-only. Written with Kysely's schema builder in types both SQLite and
 * PostgreSQL accept (`bigint` is INTEGER affinity in SQLite), so one list serves both.
 * Never edit a migration that has shipped: add the next one. Names sort in the order they apply.
 */
const migrations: Record<string, Migration> = {
  "0001_installations": installations,
  "0002_webhooks": webhooks,
  "0003_api_keys": apiKeys,
  "0004_oauth": oauth,
  "0005_webhook_retention": webhookRetention,
  "0006_webhook_secret_urls": webhookSecretUrls,
};

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
