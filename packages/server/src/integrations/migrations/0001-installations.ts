import type { Kysely } from "kysely";

export const installations = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("plugboard_installations")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("provider", "text", (col) => col.notNull())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("project_id", "text")
      .addColumn("level", "text", (col) => col.notNull())
      .addColumn("status", "text", (col) => col.notNull())
      .addColumn("external_account_name", "text")
      .addColumn("scopes", "text", (col) => col.notNull())
      .addColumn("installed_by", "text", (col) => col.notNull())
      .addColumn("secret", "text")
      .addColumn("place", "text", (col) => col.notNull())
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .addColumn("updated_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("plugboard_installations_place")
      .on("plugboard_installations")
      .columns(["organization_id", "provider", "place"])
      .unique()
      .execute();
  },
};
