import { z } from "zod";
import { slackNotificationEvents } from "../slack/notification-events";
import { timestampSchema } from "./common";

/** A Slack channel the bot can be pointed at (`conversations.list`, every page). */
export const slackChannelSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Whether the bot is in it: posting to a channel it is not in fails with `not_in_channel`. */
  isMember: z.boolean(),
});
export type SlackChannel = z.infer<typeof slackChannelSchema>;
export const slackChannelListSchema = z.object({ data: z.array(slackChannelSchema) });
export type SlackChannelList = z.infer<typeof slackChannelListSchema>;

/** The catalog events a project can send to its Slack channel. */
export const slackNotificationEventSchema = z.enum(slackNotificationEvents);
export type SlackNotificationEvent = z.infer<typeof slackNotificationEventSchema>;

/** The last message Plugboard tried to post for the project: Slack's error code when it failed. */
export const slackDeliveryStatusSchema = z.object({
  status: z.enum(["delivered", "failed"]),
  /** Slack's `ok: false` code (`channel_not_found`, `not_in_channel`, …). */
  error: z.string().nullable(),
  eventType: z.string(),
  at: timestampSchema,
});
export type SlackDeliveryStatus = z.infer<typeof slackDeliveryStatusSchema>;

/**
 * One notification in the project's delivery log: every attempt to post one event to the
 * channel counts; `lastError` is the latest failed attempt's Slack code (or `delivery_failed`
 * when Slack could not be reached), kept when a retry then delivers.
 * `retrying` while the job will try again; `failed` once it gave up or Slack's error is one a
 * retry cannot fix.
 */
export const slackDeliverySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  channelId: z.string(),
  status: z.enum(["delivered", "retrying", "failed"]),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  createdAt: timestampSchema,
  lastAttemptAt: timestampSchema,
});
export type SlackDelivery = z.infer<typeof slackDeliverySchema>;
export const slackDeliveryListSchema = z.object({ data: z.array(slackDeliverySchema) });
export type SlackDeliveryList = z.infer<typeof slackDeliveryListSchema>;
export const slackDeliveryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Where one project's notifications go. */
export const slackChannelSettingsSchema = z.object({
  projectId: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  events: z.array(slackNotificationEventSchema),
  lastDelivery: slackDeliveryStatusSchema.nullable(),
  updatedBy: z.string(),
  updatedAt: timestampSchema,
});
export type SlackChannelSettings = z.infer<typeof slackChannelSettingsSchema>;

export const updateSlackChannelSettingsSchema = z.object({
  channelId: z.string().regex(/^[CG][A-Z0-9]{2,20}$/, "Use a Slack channel id, e.g. C0123ABCD"),
  channelName: z.string().min(1).max(80),
  events: z
    .array(slackNotificationEventSchema)
    .min(1, "Pick at least one event")
    .refine((events) => new Set(events).size === events.length, "Each event once"),
});
export type UpdateSlackChannelSettingsInput = z.infer<typeof updateSlackChannelSettingsSchema>;
