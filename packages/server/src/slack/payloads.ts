import { z } from "zod";

/** What each Slack receiver queues for its job: plain JSON, validated again on the worker. */

export const slackCommandSchema = z.object({
  teamId: z.string(),
  enterpriseId: z.string().nullable(),
  userId: z.string(),
  userName: z.string().nullable(),
  channelId: z.string(),
  text: z.string(),
  responseUrl: z.string(),
  triggerId: z.string(),
  origin: z.string(),
  /** Slack's signed request timestamp (epoch ms): the response_url's 30 minutes start there. */
  receivedAt: z.number().optional(),
});
export type SlackCommand = z.infer<typeof slackCommandSchema>;

export const slackInteractionSchema = z.object({
  /** Slack's payload as JSON text, parsed once more by the handler. */
  payload: z.string(),
  origin: z.string(),
  receivedAt: z.number().optional(),
});
export type SlackInteractionJob = z.infer<typeof slackInteractionSchema>;

export const slackEventSchema = z.object({
  teamId: z.string(),
  enterpriseId: z.string().nullable(),
  /** The inner event as JSON text. */
  event: z.string(),
  origin: z.string(),
});
export type SlackEventJob = z.infer<typeof slackEventSchema>;
