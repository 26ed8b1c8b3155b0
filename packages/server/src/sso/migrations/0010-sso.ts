import type { Kysely } from "kysely";

export const sso = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("plugboard_sso_connections")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("name", "text", (col) => col.notNull())
      .addColumn("protocol", "text", (col) => col.notNull())
      .addColumn("enabled", "integer", (col) => col.notNull())
      .addColumn("config", "text", (col) => col.notNull())
      .addColumn("client_secret", "text")
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .addColumn("updated_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("plugboard_sso_connections_organization")
      .on("plugboard_sso_connections")
      .columns(["organization_id", "created_at"])
      .execute();
    await db.schema
      .createTable("plugboard_sso_domains")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("domain", "text", (col) => col.notNull())
      .addColumn("token", "text", (col) => col.notNull())
      .addColumn("token_expires_at", "bigint", (col) => col.notNull())
      .addColumn("verified_at", "bigint")
      .addColumn("verified_domain", "text")
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("plugboard_sso_domains_claim")
      .on("plugboard_sso_domains")
      .columns(["organization_id", "domain"])
      .unique()
      .execute();
    // NULLs never collide: any number of claims, one verified owner.
    await db.schema
      .createIndex("plugboard_sso_domains_owner")
      .on("plugboard_sso_domains")
      .column("verified_domain")
      .unique()
      .execute();
    await db.schema
      .createTable("plugboard_sso_policies")
      .addColumn("organization_id", "text", (col) => col.primaryKey())
      .addColumn("require_sso", "integer", (col) => col.notNull())
      .addColumn("break_glass_emails", "text", (col) => col.notNull())
      .addColumn("updated_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createTable("plugboard_sso_login_attempts")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("connection_id", "text", (col) => col.notNull())
      .addColumn("at", "bigint", (col) => col.notNull())
      .addColumn("outcome", "text", (col) => col.notNull())
      .addColumn("reason", "text")
      .addColumn("detail", "text")
      .addColumn("email", "text")
      .execute();
    await db.schema
      .createIndex("plugboard_sso_login_attempts_recent")
      .on("plugboard_sso_login_attempts")
      .columns(["organization_id", "at"])
      .execute();
    await db.schema
      .createTable("plugboard_sso_requests")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("connection_id", "text", (col) => col.notNull())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("browser_hash", "text", (col) => col.notNull())
      .addColumn("return_to", "text")
      .addColumn("nonce", "text")
      .addColumn("code_verifier", "text")
      .addColumn("expires_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createTable("plugboard_sso_assertions")
      .addColumn("connection_id", "text", (col) => col.notNull())
      .addColumn("assertion_id", "text", (col) => col.notNull())
      .addColumn("expires_at", "bigint", (col) => col.notNull())
      .addPrimaryKeyConstraint("plugboard_sso_assertions_pk", ["connection_id", "assertion_id"])
      .execute();
  },
};
