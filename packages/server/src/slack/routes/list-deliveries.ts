import { type SlackDeliveryList, slackContracts } from "@plugboard/core";
import { implement } from "../../http/route";

/** The project's Slack delivery log: its latest notifications with status, attempts, last error. */
export const listSlackDeliveries = implement(slackContracts.deliveries, {
  async handle({ params, query, identity, context }) {
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
