import type { Kysely, Selectable } from "kysely";
import type { Database } from "../../stores/sql/schema";
import type { JiraImportRunsTable, JiraImportSourcesTable } from "./schema";
import type { JiraImportStore, JiraItemLink, JiraRunRecord, JiraSourceRecord } from "./types";

export function sqlJiraImport(db: Kysely<Database>): JiraImportStore {
  return {
    async createSource(record) {
      await db
        .insertInto("plugboard_jira_import_sources")
        .values({
          id: record.id,
          organization_id: record.organizationId,
          kind: record.kind,
          name: record.name,
          site_url: record.siteUrl,
          email: record.email,
          token_ciphertext: record.tokenCiphertext,
          time_zone: record.timeZone,
          row_count: record.rowCount,
          created_at: record.createdAt,
        })
        .execute();
    },
    async getSource(organizationId, id) {
      const row = await db
        .selectFrom("plugboard_jira_import_sources")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toSource(row) : null;
    },
    async listSources(organizationId) {
      const rows = await db
        .selectFrom("plugboard_jira_import_sources")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .execute();
      return rows.map(toSource);
    },
    async deleteSource(organizationId, id) {
      // One transaction: a source never outlives its rows or leaves them behind.
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom("plugboard_jira_import_sources")
          .where("organization_id", "=", organizationId)
          .where("id", "=", id)
          .executeTakeFirst();
        if (Number(result.numDeletedRows) === 0) return false;
        await trx.deleteFrom("plugboard_jira_import_rows").where("source_id", "=", id).execute();
        return true;
      });
    },
    async appendRows(sourceId, rows) {
      if (rows.length === 0) return;
      await db
        .insertInto("plugboard_jira_import_rows")
        .values(rows.map((row) => ({ source_id: sourceId, row_index: row.index, data: row.data })))
        .onConflict((conflict) =>
          conflict.columns(["source_id", "row_index"]).doUpdateSet((eb) => ({
            data: eb.ref("excluded.data"),
          })),
        )
        .execute();
    },
    async readRows(sourceId, from, limit) {
      const rows = await db
        .selectFrom("plugboard_jira_import_rows")
        .select(["row_index", "data"])
        .where("source_id", "=", sourceId)
        .where("row_index", ">=", from)
        .orderBy("row_index")
        .limit(limit)
        .execute();
      return rows.map((row) => ({ index: Number(row.row_index), data: row.data }));
    },
    async setRowCount(organizationId, id, rowCount) {
      await db
        .updateTable("plugboard_jira_import_sources")
        .set({ row_count: rowCount })
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .execute();
    },
    async createRun(record) {
      await db
        .insertInto("plugboard_jira_import_runs")
        .values({
          id: record.id,
          organization_id: record.organizationId,
          source_id: record.sourceId,
          project_key: record.projectKey,
          jql: record.jql,
          host_project_id: record.hostProjectId,
          mapping: JSON.stringify(record.mapping),
          status: record.status,
          checkpoint: JSON.stringify(record.checkpoint),
          progress: JSON.stringify(record.progress),
          report: JSON.stringify(record.report),
          error: record.error,
          created_at: record.createdAt,
          updated_at: record.updatedAt,
        })
        .execute();
    },
    async getRun(organizationId, id) {
      const row = await db
        .selectFrom("plugboard_jira_import_runs")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toRun(row) : null;
    },
    async getRunById(id) {
      const row = await db
        .selectFrom("plugboard_jira_import_runs")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toRun(row) : null;
    },
    async listRuns(organizationId) {
      const rows = await db
        .selectFrom("plugboard_jira_import_runs")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(50)
        .execute();
      return rows.map(toRun);
    },
    async updateRun(id, patch) {
      await db
        .updateTable("plugboard_jira_import_runs")
        .set({
          updated_at: patch.updatedAt,
          ...(patch.checkpoint ? { checkpoint: JSON.stringify(patch.checkpoint) } : {}),
          ...(patch.progress ? { progress: JSON.stringify(patch.progress) } : {}),
          ...(patch.report ? { report: JSON.stringify(patch.report) } : {}),
          ...(patch.error !== undefined ? { error: patch.error } : {}),
        })
        .where("id", "=", id)
        .execute();
    },
    async transitionRun(id, from, to, at) {
      const result = await db
        .updateTable("plugboard_jira_import_runs")
        .set({ status: to, updated_at: at })
        .where("id", "=", id)
        .where("status", "in", [...from])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async findItem(organizationId, hostProjectId, kind, jiraId) {
      const row = await db
        .selectFrom("plugboard_jira_import_items")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("host_project_id", "=", hostProjectId)
        .where("kind", "=", kind)
        .where("jira_id", "=", jiraId)
        .executeTakeFirst();
      return row ? toItem(row) : null;
    },
    async findIssueByKey(organizationId, hostProjectId, jiraKey) {
      const row = await db
        .selectFrom("plugboard_jira_import_items")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("host_project_id", "=", hostProjectId)
        .where("kind", "=", "issue")
        .where("jira_key", "=", jiraKey)
        .executeTakeFirst();
      return row ? toItem(row) : null;
    },
    async putItem(link) {
      const values = {
        organization_id: link.organizationId,
        host_project_id: link.hostProjectId,
        kind: link.kind,
        jira_id: link.jiraId,
        jira_key: link.jiraKey,
        host_id: link.hostId,
        parent_jira_id: link.parentJiraId,
        parent_jira_key: link.parentJiraKey,
      };
      await db
        .insertInto("plugboard_jira_import_items")
        .values(values)
        .onConflict((conflict) =>
          conflict.columns(["organization_id", "host_project_id", "kind", "jira_id"]).doUpdateSet({
            jira_key: values.jira_key,
            host_id: values.host_id,
            parent_jira_id: values.parent_jira_id,
            parent_jira_key: values.parent_jira_key,
          }),
        )
        .execute();
    },
    async listChildren(organizationId, hostProjectId, after, limit) {
      let query = db
        .selectFrom("plugboard_jira_import_items")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("host_project_id", "=", hostProjectId)
        .where("kind", "=", "issue")
        .where((eb) =>
          eb.or([eb("parent_jira_id", "is not", null), eb("parent_jira_key", "is not", null)]),
        );
      if (after !== null) query = query.where("jira_id", ">", after);
      const rows = await query.orderBy("jira_id").limit(limit).execute();
      return rows.map(toItem);
    },
  };
}

function toSource(row: Selectable<JiraImportSourcesTable>): JiraSourceRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    kind: row.kind as JiraSourceRecord["kind"],
    name: row.name,
    siteUrl: row.site_url,
    email: row.email,
    tokenCiphertext: row.token_ciphertext,
    timeZone: row.time_zone,
    rowCount: row.row_count === null ? null : Number(row.row_count),
    createdAt: Number(row.created_at),
  };
}

function toRun(row: Selectable<JiraImportRunsTable>): JiraRunRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    sourceId: row.source_id,
    projectKey: row.project_key,
    jql: row.jql,
    hostProjectId: row.host_project_id,
    mapping: JSON.parse(row.mapping),
    status: row.status as JiraRunRecord["status"],
    checkpoint: JSON.parse(row.checkpoint),
    progress: JSON.parse(row.progress),
    report: JSON.parse(row.report),
    error: row.error,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function toItem(row: {
  organization_id: string;
  host_project_id: string;
  kind: string;
  jira_id: string;
  jira_key: string | null;
  host_id: string;
  parent_jira_id: string | null;
  parent_jira_key: string | null;
}): JiraItemLink {
  return {
    organizationId: row.organization_id,
    hostProjectId: row.host_project_id,
    kind: row.kind as JiraItemLink["kind"],
    jiraId: row.jira_id,
    jiraKey: row.jira_key,
    hostId: row.host_id,
    parentJiraId: row.parent_jira_id,
    parentJiraKey: row.parent_jira_key,
  };
}
