import type { Kysely } from "kysely";

/** OAuth states waiting for their callback, and GitHub's repository links, references, deliveries. */
export const oauth = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("plugboard_oauth_states")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("provider", "text", (col) => col.notNull())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("user_id", "text", (col) => col.notNull())
      .addColumn("project_id", "text")
      .addColumn("level", "text", (col) => col.notNull())
      .addColumn("return_origin", "text", (col) => col.notNull())
      .addColumn("redirect_uri", "text", (col) => col.notNull())
      .addColumn("code_verifier", "text")
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .addColumn("expires_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("plugboard_oauth_states_expires_at")
      .on("plugboard_oauth_states")
      .column("expires_at")
      .execute();

    await db.schema
      .createTable("plugboard_github_links")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("project_id", "text", (col) => col.notNull())
      .addColumn("installation_id", "text", (col) => col.notNull())
      .addColumn("repository_id", "bigint", (col) => col.notNull())
      .addColumn("repository_full_name", "text", (col) => col.notNull())
      .addColumn("linked_by", "text", (col) => col.notNull())
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("plugboard_github_links_project_repository")
      .on("plugboard_github_links")
      .columns(["organization_id", "project_id", "repository_id"])
      .unique()
      .execute();
    await db.schema
      .createIndex("plugboard_github_links_repository")
      .on("plugboard_github_links")
      .column("repository_id")
      .execute();

    await db.schema
      .createTable("plugboard_github_references")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("project_id", "text", (col) => col.notNull())
      .addColumn("issue_key", "text", (col) => col.notNull())
      .addColumn("kind", "text", (col) => col.notNull())
      .addColumn("repository_full_name", "text", (col) => col.notNull())
      .addColumn("external_id", "text", (col) => col.notNull())
      .addColumn("label", "text", (col) => col.notNull())
      .addColumn("title", "text", (col) => col.notNull())
      .addColumn("url", "text", (col) => col.notNull())
      .addColumn("state", "text", (col) => col.notNull())
      .addColumn("author", "text")
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .addColumn("updated_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("plugboard_github_references_natural_key")
      .on("plugboard_github_references")
      .columns([
        "organization_id",
        "project_id",
        "kind",
        "repository_full_name",
        "external_id",
        "issue_key",
      ])
      .unique()
      .execute();
    await db.schema
      .createIndex("plugboard_github_references_recent")
      .on("plugboard_github_references")
      .columns(["organization_id", "project_id", "updated_at"])
      .execute();

    await db.schema
      .createTable("plugboard_github_deliveries")
      .addColumn("delivery_id", "text", (col) => col.primaryKey())
      .addColumn("received_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("plugboard_github_deliveries_received_at")
      .on("plugboard_github_deliveries")
      .column("received_at")
      .execute();
  },
};
