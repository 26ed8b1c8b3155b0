import { slackPaths as paths } from "../routes/slack";
import {
  slackChannelListSchema,
  slackChannelSettingsSchema,
  slackDeliveryListSchema,
  slackDeliveryQuerySchema,
  updateSlackChannelSettingsSchema,
} from "../schemas/slack";
import { defineContract } from "./contract";

/** The Slack app's settings. Slack's own traffic (events, commands, interactions) is inbound, signed. */
export const slackContracts = {
  /** Every channel the bot can see, every page of conversations.list (admins). */
  channels: defineContract({
    ...paths.channels,
    role: "admin",
    response: slackChannelListSchema,
  }),
  /** Where the project's notifications go; `not_found` when it has no channel. */
  channelSettings: defineContract({
    ...paths.channelSettings,
    response: slackChannelSettingsSchema,
  }),
  saveChannelSettings: defineContract({
    ...paths.saveChannelSettings,
    role: "admin",
    body: updateSlackChannelSettingsSchema,
    response: slackChannelSettingsSchema,
  }),
  removeChannelSettings: defineContract({ ...paths.removeChannelSettings, role: "admin" }),
  /** Posts a test message now; the answer carries its outcome as `lastDelivery`. */
  testChannel: defineContract({
    ...paths.testChannel,
    role: "admin",
    response: slackChannelSettingsSchema,
  }),
  /** The project's delivery log: its latest notifications with status, attempts and last error. */
  deliveries: defineContract({
    ...paths.deliveries,
    query: slackDeliveryQuerySchema,
    response: slackDeliveryListSchema,
  }),
};
