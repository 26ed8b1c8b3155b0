import type { Kysely } from "kysely";

export const jiraImport = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("plugboard_jira_import_sources")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("kind", "text", (col) => col.notNull())
      .addColumn("name", "text", (col) => col.notNull())
      .addColumn("site_url", "text")
      .addColumn("email", "text")
      .addColumn("token_ciphertext", "text")
      .addColumn("time_zone", "text")
      .addColumn("row_count", "integer")
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("plugboard_jira_import_sources_org")
      .on("plugboard_jira_import_sources")
      .columns(["organization_id", "created_at"])
      .execute();
    await db.schema
      .createTable("plugboard_jira_import_rows")
      .addColumn("source_id", "text", (col) => col.notNull())
      .addColumn("row_index", "integer", (col) => col.notNull())
      .addColumn("data", "text", (col) => col.notNull())
      .addPrimaryKeyConstraint("plugboard_jira_import_rows_pk", ["source_id", "row_index"])
      .execute();
    await db.schema
      .createTable("plugboard_jira_import_runs")
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("source_id", "text", (col) => col.notNull())
      .addColumn("project_key", "text", (col) => col.notNull())
      .addColumn("jql", "text")
      .addColumn("host_project_id", "text", (col) => col.notNull())
      .addColumn("mapping", "text", (col) => col.notNull())
      .addColumn("status", "text", (col) => col.notNull())
      .addColumn("checkpoint", "text", (col) => col.notNull())
      .addColumn("progress", "text", (col) => col.notNull())
      .addColumn("report", "text", (col) => col.notNull())
      .addColumn("error", "text")
      .addColumn("created_at", "bigint", (col) => col.notNull())
      .addColumn("updated_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("plugboard_jira_import_runs_org")
      .on("plugboard_jira_import_runs")
      .columns(["organization_id", "created_at"])
      .execute();
    await db.schema
      .createTable("plugboard_jira_import_items")
      .addColumn("organization_id", "text", (col) => col.notNull())
      .addColumn("host_project_id", "text", (col) => col.notNull())
      .addColumn("kind", "text", (col) => col.notNull())
      .addColumn("jira_id", "text", (col) => col.notNull())
      .addColumn("jira_key", "text")
      .addColumn("host_id", "text", (col) => col.notNull())
      .addColumn("parent_jira_id", "text")
      .addColumn("parent_jira_key", "text")
      .addPrimaryKeyConstraint("plugboard_jira_import_items_pk", [
        "organization_id",
        "host_project_id",
        "kind",
        "jira_id",
      ])
      .execute();
    await db.schema
      .createIndex("plugboard_jira_import_items_key")
      .on("plugboard_jira_import_items")
      .columns(["organization_id", "host_project_id", "jira_key"])
      .execute();
  },
};
