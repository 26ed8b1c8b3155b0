import {
  slackChannelListSchema,
  slackChannelSettingsSchema,
  type UpdateSlackChannelSettingsInput,
} from "@plugboard/core";
import type { CallOptions, Transport } from "../transport";

const channelPath = (projectId: string) =>
  `providers/slack/projects/${encodeURIComponent(projectId)}/channel`;

/** The Slack app's settings: the workspace's channels and each project's notification channel. */
export function slackResource(call: Transport) {
  return {
    /** Every channel the bot can see (admins only). */
    channels: (options: CallOptions = {}) =>
      call({
        method: "get",
        path: "providers/slack/channels",
        schema: slackChannelListSchema,
        ...options,
      }),
    /** The project's channel settings; a `not_found` PlugboardError when it has none. */
    channelSettings: (projectId: string, options: CallOptions = {}) =>
      call({
        method: "get",
        path: channelPath(projectId),
        schema: slackChannelSettingsSchema,
        ...options,
      }),
    saveChannelSettings: (
      projectId: string,
      input: UpdateSlackChannelSettingsInput,
      options: CallOptions = {},
    ) =>
      call({
        method: "put",
        path: channelPath(projectId),
        json: input,
        schema: slackChannelSettingsSchema,
        ...options,
      }),
    removeChannelSettings: (projectId: string, options: CallOptions = {}) =>
      call<void>({ method: "delete", path: channelPath(projectId), ...options }),
    /** Posts a test message now; the answer carries its outcome as `lastDelivery`. */
    testChannel: (projectId: string, options: CallOptions = {}) =>
      call({
        method: "post",
        path: `${channelPath(projectId)}/test`,
        schema: slackChannelSettingsSchema,
        ...options,
      }),
  };
}
