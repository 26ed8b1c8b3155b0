import type { Kysely } from "kysely";

export const accountLinks = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("plugboard_account_links")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("provider", "text", (col) => col.notNull())
      .addColumn("external_user_id", "text", (col) => col.notNull())
      .addColumn("external_account_id", "text")
      .addColumn("external_user_name", "text")
      .addColumn("user_id", "text", (col) => col.notNull())
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("plugboard_account_links_external_user")
      .on("plugboard_account_links")
      .columns(["organization_id", "provider", "external_user_id"])
      .unique()
      .execute();
    await db.schema
      .createIndex("plugboard_account_links_user")
      .on("plugboard_account_links")
      .columns(["organization_id", "user_id"])
      .execute();
    await db.schema
      .createTable("plugboard_account_link_intents")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("provider", "text", (col) => col.notNull())
      .addColumn("external_user_id", "text", (col) => col.notNull())
      .addColumn("external_account_id", "text")
      .addColumn("external_user_name", "text")
      .addColumn("expires_at", "bigint", (col) => col.notNull())
      .execute();
  },
};
