import { slackContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { presentSettings, requireSlackInstallation } from "../channels";

/** Picks the project's channel and events (an admin's choice; replaces the previous one). */
export const putSlackChannelSettings = implement(slackContracts.saveChannelSettings, {
  async handle({ body, params, identity, context }) {
    await requireSlackInstallation(context, identity.organizationId);
    const stored = await context.store.slack.putSettings({
      organizationId: identity.organizationId,
      projectId: params.projectId,
      channelId: body.channelId,
      channelName: body.channelName,
      events: body.events,
      updatedBy: identity.userId,
      updatedAt: context.now(),
    });
    return presentSettings(stored);
  },
});
