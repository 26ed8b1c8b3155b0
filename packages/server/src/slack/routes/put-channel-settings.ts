import {
  type UpdateSlackChannelSettingsInput,
  updateSlackChannelSettingsSchema,
} from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { presentSettings, requireSlackInstallation } from "../channels";

/** Picks the project's channel and events (an admin's choice; replaces the previous one). */
export const putSlackChannelSettings = defineRoute<UpdateSlackChannelSettingsInput>({
  method: "PUT",
  path: "/providers/slack/projects/:projectId/channel",
  body: updateSlackChannelSettingsSchema,
  role: "admin",
  async handle({ body, params, identity, context }) {
    await requireSlackInstallation(context, identity.organizationId);
    const stored = await context.store.slack.putSettings({
      organizationId: identity.organizationId,
      projectId: params.projectId ?? "",
      channelId: body.channelId,
      channelName: body.channelName,
      events: body.events,
      updatedBy: identity.userId,
      updatedAt: context.now(),
    });
    return json(presentSettings(stored));
  },
});
