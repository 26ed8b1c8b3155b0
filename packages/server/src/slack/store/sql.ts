import type { Kysely, Selectable } from "kysely";
import { fromJsonList, toJsonList } from "../../stores/sql/columns";
import type { Database } from "../../stores/sql/schema";
import type { SlackChannelsTable } from "./schema";
import type { SlackChannelSettingsRecord, SlackDeliveryRecord, SlackStore } from "./types";

export function sqlSlack(db: Kysely<Database>): SlackStore {
  async function getSettings(organizationId: string, projectId: string) {
    const row = await db
      .selectFrom("plugboard_slack_channels")
      .selectAll()
      .where("organization_id", "=", organizationId)
      .where("project_id", "=", projectId)
      .executeTakeFirst();
    return row ? toSettings(row) : null;
  }
  return {
    async putSettings(record) {
      const columns = {
        channel_id: record.channelId,
        channel_name: record.channelName,
        events: toJsonList(record.events),
        updated_by: record.updatedBy,
        updated_at: record.updatedAt,
      };
      // One statement: the last delivery outcome survives a change of events or channel name.
      await db
        .insertInto("plugboard_slack_channels")
        .values({
          organization_id: record.organizationId,
          project_id: record.projectId,
          ...columns,
        })
        .onConflict((conflict) =>
          conflict.columns(["organization_id", "project_id"]).doUpdateSet(columns),
        )
        .execute();
      return (await getSettings(
        record.organizationId,
        record.projectId,
      )) as SlackChannelSettingsRecord;
    },
    getSettings,
    async deleteSettings(organizationId, projectId) {
      const result = await db
        .deleteFrom("plugboard_slack_channels")
        .where("organization_id", "=", organizationId)
        .where("project_id", "=", projectId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async recordDeliveryOutcome(organizationId, projectId, outcome) {
      await db
        .updateTable("plugboard_slack_channels")
        .set({
          last_status: outcome.status,
          last_error: outcome.error,
          last_event_type: outcome.eventType,
          last_at: outcome.at,
        })
        .where("organization_id", "=", organizationId)
        .where("project_id", "=", projectId)
        .execute();
    },
    async findIssueMessage(organizationId, issueId, channelId) {
      const row = await db
        .selectFrom("plugboard_slack_issue_messages")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("issue_id", "=", issueId)
        .where("channel_id", "=", channelId)
        .executeTakeFirst();
      return row
        ? {
            organizationId: row.organization_id,
            issueId: row.issue_id,
            channelId: row.channel_id,
            ts: row.ts,
            createdAt: Number(row.created_at),
          }
        : null;
    },
    async saveIssueMessage(record) {
      const inserted = await db
        .insertInto("plugboard_slack_issue_messages")
        .values({
          organization_id: record.organizationId,
          issue_id: record.issueId,
          channel_id: record.channelId,
          ts: record.ts,
          created_at: record.createdAt,
        })
        .onConflict((conflict) =>
          conflict.columns(["organization_id", "issue_id", "channel_id"]).doNothing(),
        )
        .returning("ts")
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async recordInbound(id, receivedAt) {
      const inserted = await db
        .insertInto("plugboard_slack_inbound")
        .values({ id, received_at: receivedAt })
        .onConflict((conflict) => conflict.column("id").doNothing())
        .returning("id")
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async pruneInbound(before) {
      const result = await db
        .deleteFrom("plugboard_slack_inbound")
        .where("received_at", "<", before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toSettings(row: Selectable<SlackChannelsTable>): SlackChannelSettingsRecord {
  const lastDelivery: SlackDeliveryRecord | null =
    row.last_status === null
      ? null
      : {
          status: row.last_status as SlackDeliveryRecord["status"],
          error: row.last_error,
          eventType: row.last_event_type ?? "",
          at: Number(row.last_at),
        };
  return {
    organizationId: row.organization_id,
    projectId: row.project_id,
    channelId: row.channel_id,
    channelName: row.channel_name,
    events: fromJsonList(row.events),
    lastDelivery,
    updatedBy: row.updated_by,
    updatedAt: Number(row.updated_at),
  };
}
