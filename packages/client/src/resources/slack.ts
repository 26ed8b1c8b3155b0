import type { UpdateSlackChannelSettingsInput } from "@plugboard/core";
import { slackRoutes as routes } from "@plugboard/core/routes";
import type { Call } from "../call";
import type { CallOptions } from "../transport";

/** The Slack app's settings: the workspace's channels and each project's notification channel. */
export function slackResource(call: Call) {
  return {
    /** Every channel the bot can see (admins only). */
    channels: (options: CallOptions = {}) => call(routes.channels, {}, options),
    /** The project's channel settings; a `not_found` PlugboardError when it has none. */
    channelSettings: (projectId: string, options: CallOptions = {}) =>
      call(routes.channelSettings, { params: { projectId } }, options),
    saveChannelSettings: (
      projectId: string,
      input: UpdateSlackChannelSettingsInput,
      options: CallOptions = {},
    ) => call(routes.saveChannelSettings, { params: { projectId }, body: input }, options),
    removeChannelSettings: (projectId: string, options: CallOptions = {}) =>
      call(routes.removeChannelSettings, { params: { projectId } }, options),
    /** Posts a test message now; the answer carries its outcome as `lastDelivery`. */
    testChannel: (projectId: string, options: CallOptions = {}) =>
      call(routes.testChannel, { params: { projectId } }, options),
    /** The project's delivery log: its latest notifications, newest first. */
    deliveries: (projectId: string, query: { limit?: number } = {}, options: CallOptions = {}) =>
      call(routes.deliveries, { params: { projectId }, query }, options),
  };
}
