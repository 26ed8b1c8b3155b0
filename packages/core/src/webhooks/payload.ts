import { z } from "zod";
import { timestampSchema } from "../schemas/common";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The body of every webhook, as the Standard Webhooks spec recommends. `type` is any non-empty
 * string rather than the event enum, so a receiver built against an older catalog still accepts
 * events added later. `data` is only checked to be an object: a z.record would visit every key
 * of a large payload for no added safety, its values being unknown anyway.
 */
export const webhookPayloadSchema = z.object({
  type: z.string().min(1),
  timestamp: timestampSchema,
  data: z.custom<Record<string, unknown>>(isObject, { error: "Expected an object" }),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
