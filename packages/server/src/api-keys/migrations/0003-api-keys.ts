import type { Kysely } from "kysely";

/** API keys (only their SHA-256 lookup hash), their usage log, and rate-limit windows. */
export const apiKeys = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("plugboard_api_keys")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("project_id", "text")
      .addColumn("created_by", "text", (col) => col.notNull())
      .addColumn("name", "text", (col) => col.notNull())
      .addColumn("env", "text", (col) => col.notNull())
      .addColumn("display_prefix", "text", (col) => col.notNull())
      .addColumn("lookup_hash", "text", (col) => col.notNull().unique())
      .addColumn("scopes", "text", (col) => col.notNull())
      .addColumn("rate_limit_per_minute", "integer")
      .addColumn("expires_at", "bigint")
      .addColumn("revoked_at", "bigint")
      .addColumn("disabled_at", "bigint")
      .addColumn("rotated_from_id", "text")
      .addColumn("last_used_at", "bigint")
      .addColumn("usage_count", "bigint", (col) => col.notNull().defaultTo(0))
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .addColumn("updated_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("plugboard_api_keys_owner")
      .on("plugboard_api_keys")
      .columns(["organization_id", "created_by"])
      .execute();

    await db.schema
      .createTable("plugboard_api_key_usage")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("key_id", "text", (col) => col.notNull())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("at", "bigint", (col) => col.notNull())
      .addColumn("method", "text", (col) => col.notNull())
      .addColumn("path", "text", (col) => col.notNull())
      .addColumn("status", "integer", (col) => col.notNull())
      .addColumn("latency_ms", "double precision", (col) => col.notNull())
      .addColumn("user_agent", "text")
      .addColumn("ip", "text")
      .execute();
    await db.schema
      .createIndex("plugboard_api_key_usage_key_at")
      .on("plugboard_api_key_usage")
      .columns(["key_id", "at"])
      .execute();
    // Pruning deletes by age alone.
    await db.schema
      .createIndex("plugboard_api_key_usage_at")
      .on("plugboard_api_key_usage")
      .column("at")
      .execute();

    await db.schema
      .createTable("plugboard_rate_limits")
      .addColumn("bucket", "text", (col) => col.primaryKey())
      .addColumn("window_start", "bigint", (col) => col.notNull())
      .addColumn("count", "bigint", (col) => col.notNull())
      .execute();
  },
};
