import {
  slackChannelListSchema,
  slackChannelSettingsSchema,
  slackDeliveryListSchema,
  slackDeliveryQuerySchema,
  updateSlackChannelSettingsSchema,
} from "../schemas/slack";
import { defineContract } from "./contract";

const channel = "/providers/slack/projects/:projectId/channel";

/** The Slack app's settings. Slack's own traffic (events, commands, interactions) is inbound, signed. */
export const slackContracts = {
  /** Every channel the bot can see, every page of conversations.list (admins). */
  channels: defineContract({
    method: "GET",
    path: "/providers/slack/channels",
    role: "admin",
    response: slackChannelListSchema,
  }),
  /** Where the project's notifications go; `not_found` when it has no channel. */
  channelSettings: defineContract({
    method: "GET",
    path: channel,
    response: slackChannelSettingsSchema,
  }),
  saveChannelSettings: defineContract({
    method: "PUT",
    path: channel,
    role: "admin",
    body: updateSlackChannelSettingsSchema,
    response: slackChannelSettingsSchema,
  }),
  removeChannelSettings: defineContract({ method: "DELETE", path: channel, role: "admin" }),
  /** Posts a test message now; the answer carries its outcome as `lastDelivery`. */
  testChannel: defineContract({
    method: "POST",
    path: `${channel}/test`,
    role: "admin",
    response: slackChannelSettingsSchema,
  }),
  /** The project's delivery log: its latest notifications with status, attempts and last error. */
  deliveries: defineContract({
    method: "GET",
    path: `${channel}/deliveries`,
    query: slackDeliveryQuerySchema,
    response: slackDeliveryListSchema,
  }),
};
