import type { Kysely } from "kysely";

/** Outgoing webhooks: endpoints, published events (idempotency), the outbox, and its attempt log. */
export const webhooks = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("plugboard_webhook_endpoints")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("project_id", "text")
      .addColumn("url", "text", (col) => col.notNull())
      .addColumn("description", "text", (col) => col.notNull())
      .addColumn("destination", "text", (col) => col.notNull())
      .addColumn("event_mode", "text", (col) => col.notNull())
      .addColumn("events", "text", (col) => col.notNull())
      .addColumn("enabled", "integer", (col) => col.notNull())
      .addColumn("disabled_reason", "text")
      .addColumn("disabled_at", "bigint")
      .addColumn("secret", "text", (col) => col.notNull())
      .addColumn("secret_hint", "text", (col) => col.notNull())
      .addColumn("previous_secret", "text")
      .addColumn("previous_secret_expires_at", "bigint")
      .addColumn("consecutive_failures", "integer", (col) => col.notNull().defaultTo(0))
      .addColumn("failing_since", "bigint")
      .addColumn("last_delivery_status", "text")
      .addColumn("last_delivery_at", "bigint")
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .addColumn("updated_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("plugboard_webhook_endpoints_org")
      .on("plugboard_webhook_endpoints")
      .columns(["organization_id", "created_at"])
      .execute();

    await db.schema
      .createTable("plugboard_webhook_events")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("type", "text", (col) => col.notNull())
      .addColumn("idempotency_key", "text")
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .execute();
    // Both databases let several NULL keys coexist under a unique index.
    await db.schema
      .createIndex("plugboard_webhook_events_idempotency")
      .on("plugboard_webhook_events")
      .columns(["organization_id", "idempotency_key"])
      .unique()
      .execute();

    await db.schema
      .createTable("plugboard_webhook_messages")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("endpoint_id", "text", (col) => col.notNull())
      .addColumn("event_id", "text", (col) => col.notNull())
      .addColumn("event_type", "text", (col) => col.notNull())
      .addColumn("body", "text", (col) => col.notNull())
      .addColumn("status", "text", (col) => col.notNull())
      .addColumn("attempt_count", "integer", (col) => col.notNull())
      .addColumn("next_attempt_at", "bigint")
      .addColumn("last_attempt_at", "bigint")
      .addColumn("trigger", "text", (col) => col.notNull())
      .addColumn("lease_owner", "text")
      .addColumn("lease_until", "bigint")
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .execute();
    // The dispatcher's query: pending messages by due time.
    await db.schema
      .createIndex("plugboard_webhook_messages_due")
      .on("plugboard_webhook_messages")
      .columns(["status", "next_attempt_at"])
      .execute();
    await db.schema
      .createIndex("plugboard_webhook_messages_endpoint")
      .on("plugboard_webhook_messages")
      .columns(["endpoint_id", "created_at"])
      .execute();

    await db.schema
      .createTable("plugboard_webhook_attempts")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("message_id", "text", (col) => col.notNull())
      .addColumn("endpoint_id", "text", (col) => col.notNull())
      .addColumn("status", "text", (col) => col.notNull())
      .addColumn("trigger", "text", (col) => col.notNull())
      .addColumn("response_status", "integer")
      .addColumn("response_body", "text")
      .addColumn("error", "text")
      .addColumn("latency_ms", "integer", (col) => col.notNull())
      .addColumn("next_retry_at", "bigint")
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("plugboard_webhook_attempts_endpoint")
      .on("plugboard_webhook_attempts")
      .columns(["endpoint_id", "created_at"])
      .execute();
    await db.schema
      .createIndex("plugboard_webhook_attempts_message")
      .on("plugboard_webhook_attempts")
      .column("message_id")
      .execute();
  },
};
