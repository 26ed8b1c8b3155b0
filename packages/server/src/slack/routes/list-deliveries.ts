import { PlugboardError, type SlackDeliveryList, slackContracts } from "@plugboard/core";
import { implement } from "../../http/route";

/**
 * The project's Slack delivery log: its latest notifications with status, attempts, last error.
 * Like the settings it belongs to, `not_found` for a project with no Slack channel.
 */
export const listSlackDeliveries = implement(slackContracts.deliveries, {
  async handle({ params, query, identity, context }) {
    if (!(await context.store.slack.getSettings(identity.organizationId, params.projectId))) {
      throw new PlugboardError({ code: "not_found", detail: "This project has no Slack channel" });
    }
    const records = await context.store.slack.listDeliveries(
      identity.organizationId,
      params.projectId,
      query.limit,
    );
    const body: SlackDeliveryList = {
      data: records.map((record) => ({
        id: record.id,
        eventId: record.eventId,
        eventType: record.eventType,
        channelId: record.channelId,
        status: record.status,
        attempts: record.attempts,
        lastError: record.lastError,
        createdAt: new Date(record.createdAt).toISOString(),
        lastAttemptAt: new Date(record.lastAttemptAt).toISOString(),
      })),
    };
    return body;
  },
});
