import type { Kysely, Selectable } from "kysely";
import { fromJsonList, toJsonList } from "../../stores/sql/columns";
import type { Database } from "../../stores/sql/schema";
import type { SlackChannelsTable } from "./schema";
import type {
  SlackChannelSettingsRecord,
  SlackDeliveryLogRecord,
  SlackDeliveryRecord,
  SlackStore,
} from "./types";

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
    async recordDeliveryAttempt({ at, ...attempt }) {
      // One statement: two attempts of the same event (a lapsed lease retaken) both count.
      await db
        .insertInto("plugboard_slack_deliveries")
        .values({
          id: attempt.id,
          organization_id: attempt.organizationId,
          project_id: attempt.projectId,
          event_id: attempt.eventId,
          event_type: attempt.eventType,
          channel_id: attempt.channelId,
          status: attempt.status,
          attempts: 1,
          last_error: attempt.lastError,
          created_at: at,
          last_attempt_at: at,
        })
        .onConflict((conflict) =>
          conflict.columns(["organization_id", "event_id", "channel_id"]).doUpdateSet((eb) => ({
            status: attempt.status,
            last_error: eb.fn.coalesce(
              eb.val(attempt.lastError),
              eb.ref("plugboard_slack_deliveries.last_error"),
            ),
            attempts: eb("plugboard_slack_deliveries.attempts", "+", 1),
            last_attempt_at: at,
          })),
        )
        .execute();
    },
    async listDeliveries(organizationId, projectId, limit) {
      const rows = await db
        .selectFrom("plugboard_slack_deliveries")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("project_id", "=", projectId)
        .orderBy("last_attempt_at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        organizationId: row.organization_id,
        projectId: row.project_id,
        eventId: row.event_id,
        eventType: row.event_type,
        channelId: row.channel_id,
        status: row.status as SlackDeliveryLogRecord["status"],
        attempts: Number(row.attempts),
        lastError: row.last_error,
        createdAt: Number(row.created_at),
        lastAttemptAt: Number(row.last_attempt_at),
      }));
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
