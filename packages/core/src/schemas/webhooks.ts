import { z } from "zod";
import { webhookDestinationHosts, webhookDestinations } from "../webhooks/destinations";
import { type WebhookEventType, webhookEvents } from "../webhooks/events";
import { defaultWebhookSecretGraceSeconds } from "../webhooks/secret-rotation";
import { timestampSchema } from "./common";
import { webhookLogCursorSchema } from "./webhook-log-cursor";

export const webhookEventTypeSchema = z.enum(
  webhookEvents.map((event) => event.type) as [WebhookEventType, ...WebhookEventType[]],
);

export const webhookDestinationSchema = z.enum(webhookDestinations);
export type WebhookDestination = z.infer<typeof webhookDestinationSchema>;

/** `all`: every event in the catalog, including ones added later; `individual`: only `events`. */
export const webhookEventModeSchema = z.enum(["all", "individual"]);
export type WebhookEventMode = z.infer<typeof webhookEventModeSchema>;

/** Why an endpoint stopped receiving: switched off by a person, answered 410 Gone, or kept failing. */
export const webhookDisabledReasonSchema = z.enum(["manual", "gone", "failing"]);
export type WebhookDisabledReason = z.infer<typeof webhookDisabledReasonSchema>;

const urlSchema = z
  .url({ protocol: /^https?$/, error: "Must be an http:// or https:// URL" })
  .max(2000, "URLs are at most 2000 characters");
const descriptionSchema = z.string().trim().max(500);
const projectIdSchema = z.string().trim().min(1).max(200).nullable();
const eventsSchema = z
  .array(webhookEventTypeSchema)
  .max(100)
  .refine((events) => new Set(events).size === events.length, "Events must not repeat");

interface EndpointShape {
  url?: string | undefined;
  destination?: WebhookDestination | undefined;
  eventMode?: WebhookEventMode | undefined;
  events?: readonly string[] | undefined;
}

/**
 * The rules that span fields. The server runs them again on the merged endpoint after an
 * update, since a partial update can break them (mode `individual` with no events left).
 */
export function checkWebhookEndpointShape(endpoint: EndpointShape, ctx: z.RefinementCtx): void {
  if (endpoint.eventMode === "individual" && endpoint.events?.length === 0) {
    ctx.addIssue({ code: "custom", path: ["events"], message: "Pick at least one event" });
  }
  const destination = endpoint.destination;
  if (destination && destination !== "standard" && endpoint.url && URL.canParse(endpoint.url)) {
    const host = new URL(endpoint.url).hostname.toLowerCase();
    if (!webhookDestinationHosts[destination].test(host)) {
      ctx.addIssue({
        code: "custom",
        path: ["url"],
        message:
          destination === "pumble"
            ? "A Pumble destination must be a pumble.com URL"
            : "A Slack destination must be a hooks.slack.com URL",
      });
    }
  }
}

export const createWebhookEndpointSchema = z
  .object({
    url: urlSchema,
    description: descriptionSchema.default(""),
    eventMode: webhookEventModeSchema.default("all"),
    /** Required (non-empty) with mode `individual`; ignored with `all`. */
    events: eventsSchema.default([]),
    /** Limits the endpoint to one project's events; null or absent for the whole organization. */
    projectId: projectIdSchema.optional(),
    destination: webhookDestinationSchema.default("standard"),
    enabled: z.boolean().default(true),
  })
  .superRefine(checkWebhookEndpointShape);
export type CreateWebhookEndpointInput = z.input<typeof createWebhookEndpointSchema>;

/** Only the fields given change. Switching `enabled` on clears any disabled reason. */
export const updateWebhookEndpointSchema = z
  .object({
    url: urlSchema.optional(),
    description: descriptionSchema.optional(),
    eventMode: webhookEventModeSchema.optional(),
    events: eventsSchema.optional(),
    projectId: projectIdSchema.optional(),
    destination: webhookDestinationSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .superRefine(checkWebhookEndpointShape)
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: "Change at least one field",
  });
export type UpdateWebhookEndpointInput = z.input<typeof updateWebhookEndpointSchema>;

export const webhookDeliveryStatusSchema = z.enum(["succeeded", "failed"]);
export type WebhookDeliveryStatus = z.infer<typeof webhookDeliveryStatusSchema>;

export const webhookEndpointHealthSchema = z.object({
  /** The outcome of the most recent attempt; null before the first. */
  lastDeliveryStatus: webhookDeliveryStatusSchema.nullable(),
  lastDeliveryAt: timestampSchema.nullable(),
  /** Failed attempts / attempts over the recent ones counted (0 with none). */
  failureRate: z.number().min(0).max(1),
  /** How many recent attempts `failureRate` is over. */
  recentAttempts: z.number().int().nonnegative(),
  /** Failures in a row since the last success; the endpoint is disabled past the host's limit. */
  consecutiveFailures: z.number().int().nonnegative(),
});
export type WebhookEndpointHealth = z.infer<typeof webhookEndpointHealthSchema>;

/** One endpoint as lists and forms show it: never the secret, only a hint to recognize it. */
export const webhookEndpointSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  projectId: z.string().nullable(),
  url: z.string(),
  description: z.string(),
  destination: webhookDestinationSchema,
  eventMode: webhookEventModeSchema,
  events: z.array(webhookEventTypeSchema),
  enabled: z.boolean(),
  /** Set while disabled; null when enabled. */
  disabledReason: webhookDisabledReasonSchema.nullable(),
  disabledAt: timestampSchema.nullable(),
  /** `whsec_…AbCd`: the last four characters, enough to tell secrets apart. */
  secretHint: z.string(),
  /** While a rotation's grace period runs, the old secret also signs until this time. */
  previousSecretExpiresAt: timestampSchema.nullable(),
  health: webhookEndpointHealthSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

/** What the caller may do, so a UI can show itself read-only instead of failing on a write. */
export const webhookPermissionsSchema = z.object({
  /** Create, edit, switch, rotate, delete, test, resend and recover: admins only. */
  manage: z.boolean(),
});
export type WebhookPermissions = z.infer<typeof webhookPermissionsSchema>;

export const webhookEndpointListSchema = z.object({
  data: z.array(webhookEndpointSchema),
  permissions: webhookPermissionsSchema,
});
export type WebhookEndpointList = z.infer<typeof webhookEndpointListSchema>;

/** Returned by create and by rotate-secret: the only times the full secret is ever sent. */
export const createdWebhookEndpointSchema = z.object({
  endpoint: webhookEndpointSchema,
  secret: z.string().startsWith("whsec_"),
});
export type CreatedWebhookEndpoint = z.infer<typeof createdWebhookEndpointSchema>;
export const rotatedWebhookSecretSchema = createdWebhookEndpointSchema;
export type RotatedWebhookSecret = CreatedWebhookEndpoint;

export const rotateWebhookSecretSchema = z.object({
  /** How long the old secret keeps signing too: 0 stops it now; at most 7 days. Default 24 h. */
  gracePeriodSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60 * 60)
    .default(defaultWebhookSecretGraceSeconds),
});
export type RotateWebhookSecretInput = z.input<typeof rotateWebhookSecretSchema>;

/**
 * `pending`: waiting for its next attempt (first or retry); `succeeded`: a 2xx came back;
 * `failed`: retries ran out, or the endpoint was disabled while it waited.
 */
export const webhookMessageStatusSchema = z.enum(["pending", "succeeded", "failed"]);
export type WebhookMessageStatus = z.infer<typeof webhookMessageStatusSchema>;

/** One event as queued for one endpoint. Its id is the `webhook-id`, the same on every retry. */
export const webhookMessageSchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  eventType: z.string(),
  /** The JSON body sent to a `standard` destination: `{ type, timestamp, data }`. */
  payload: z.object({
    type: z.string(),
    timestamp: timestampSchema,
    data: z.record(z.string(), z.unknown()),
  }),
  status: webhookMessageStatusSchema,
  attemptCount: z.number().int().nonnegative(),
  /** When the next attempt is due; null once succeeded or failed. */
  nextAttemptAt: timestampSchema.nullable(),
  lastAttemptAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
});
export type WebhookMessageRecord = z.infer<typeof webhookMessageSchema>;

/**
 * A page of the delivery log ends with the cursor of the next, older page: pass it as `before`.
 * Null on the last page.
 */
const nextCursorSchema = z.string().nullable();

export const webhookMessageListSchema = z.object({
  data: z.array(webhookMessageSchema),
  nextCursor: nextCursorSchema,
});
export type WebhookMessageList = z.infer<typeof webhookMessageListSchema>;

/** Query string of the message list: newest first, `limit` at a time, older ones `before`. */
export const webhookMessageQuerySchema = z.object({
  status: webhookMessageStatusSchema.optional(),
  limit: z.coerce.number<number | string>().int().min(1).max(200).default(50),
  before: webhookLogCursorSchema.optional(),
});
export type WebhookMessageQuery = z.input<typeof webhookMessageQuerySchema>;

/** What started an attempt: the dispatcher's schedule, a person's resend or recover, or a test. */
export const webhookAttemptTriggerSchema = z.enum(["scheduled", "manual", "test"]);
export type WebhookAttemptTrigger = z.infer<typeof webhookAttemptTriggerSchema>;

export const webhookAttemptSchema = z.object({
  id: z.string(),
  messageId: z.string(),
  endpointId: z.string(),
  status: webhookDeliveryStatusSchema,
  trigger: webhookAttemptTriggerSchema,
  /** The receiver's HTTP status; null when no response came (timeout, refused, blocked). */
  responseStatus: z.number().int().nullable(),
  /** The start of the response body, cut at the server's cap (default 4 KiB). */
  responseBody: z.string().nullable(),
  /** Why it failed without a response: `timeout`, `network`, `blocked_address`, … */
  error: z.string().nullable(),
  latencyMs: z.number().int().nonnegative(),
  /** The retry this failure scheduled; null after a success or the last try. */
  nextRetryAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
});
export type WebhookAttempt = z.infer<typeof webhookAttemptSchema>;

export const webhookAttemptListSchema = z.object({
  data: z.array(webhookAttemptSchema),
  nextCursor: nextCursorSchema,
});
export type WebhookAttemptList = z.infer<typeof webhookAttemptListSchema>;

/** Query string of the attempt list: newest first, optionally one message's; paged like messages. */
export const webhookAttemptQuerySchema = z.object({
  messageId: z.string().min(1).optional(),
  limit: z.coerce.number<number | string>().int().min(1).max(200).default(50),
  before: webhookLogCursorSchema.optional(),
});
export type WebhookAttemptQuery = z.input<typeof webhookAttemptQuerySchema>;

/** Queues one message again, now, with its original `webhook-id`. */
export const resendWebhookMessageSchema = z.object({ messageId: z.string().min(1) });
export type ResendWebhookMessageInput = z.infer<typeof resendWebhookMessageSchema>;

/** Queues again every failed message of the endpoint created in [since, until). */
export const recoverWebhookMessagesSchema = z
  .object({ since: timestampSchema, until: timestampSchema.optional() })
  .refine((input) => !input.until || Date.parse(input.until) > Date.parse(input.since), {
    path: ["until"],
    message: "Must be after since",
  });
export type RecoverWebhookMessagesInput = z.infer<typeof recoverWebhookMessagesSchema>;

export const recoveredWebhookMessagesSchema = z.object({
  /** How many failed messages were queued again. */
  recovered: z.number().int().nonnegative(),
});
export type RecoveredWebhookMessages = z.infer<typeof recoveredWebhookMessagesSchema>;
