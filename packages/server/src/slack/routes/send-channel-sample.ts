import { createId, PlugboardError, slackContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { presentSettings, requireSlackInstallation } from "../channels";
import { callSlack, SlackApiError } from "../web-api";

/**
 * Posts a test message to the project's channel now, and keeps the outcome as the last delivery
 * (and in the delivery log):
 * `not_in_channel` shows in the settings (invite the bot) instead of failing silently later.
 */
export const testSlackChannel = implement(slackContracts.testChannel, {
  async handle({ params, identity, context }) {
    const projectId = params.projectId;
    const settings = await context.store.slack.getSettings(identity.organizationId, projectId);
    if (!settings) {
      throw new PlugboardError({ code: "not_found", detail: "This project has no Slack channel" });
    }
    const installation = await requireSlackInstallation(context, identity.organizationId);
    let error: string | null = null;
    try {
      await callSlack(context, installation, "chat.postMessage", {
        channel: settings.channelId,
        text: "Plugboard is connected: this project's notifications will appear here.",
      });
    } catch (caught) {
      if (!(caught instanceof SlackApiError)) throw caught;
      error = caught.code;
    }
    const at = context.now();
    // In the delivery log too, like a webhook endpoint's test message.
    const id = createId("sld");
    await context.store.slack.recordDeliveryAttempt({
      id,
      organizationId: identity.organizationId,
      projectId,
      eventId: `test:${id}`,
      eventType: "test",
      channelId: settings.channelId,
      status: error ? "failed" : "delivered",
      lastError: error,
      at,
    });
    await context.store.slack.recordDeliveryOutcome(identity.organizationId, projectId, {
      status: error ? "failed" : "delivered",
      error,
      eventType: "test",
      at,
    });
    const updated = await context.store.slack.getSettings(identity.organizationId, projectId);
    return presentSettings(updated ?? settings);
  },
});
