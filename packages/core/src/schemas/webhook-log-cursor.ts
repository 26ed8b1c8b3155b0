import { z } from "zod";
import { fromBase64, toBase64 } from "../webhooks/bytes";

/**
 * Where a page of the delivery log (messages or attempts) ended: its last row. The log runs
 * newest first by `createdAt` (epoch ms), then by `id`, so the next page starts right after this
 * row even when many rows share its millisecond.
 */
export interface WebhookLogCursor {
  createdAt: number;
  id: string;
}

/** The cursor as the API hands it out: opaque and URL-safe, base64url of `{createdAt}.{id}`. */
export function encodeWebhookLogCursor(cursor: WebhookLogCursor): string {
  const text = new TextEncoder().encode(`${cursor.createdAt}.${cursor.id}`);
  return toBase64(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

const base64url = /^[A-Za-z0-9_-]{1,400}$/;
// Ids are the kit's own (`msg_…`, `att_…`): a prefix, `_`, base62.
const fields = /^(\d{1,16})\.([A-Za-z0-9_-]{1,200})$/;

/**
 * `undefined` for anything `encodeWebhookLogCursor` did not make. Re-encoding must give the
 * input back, so a cursor has one spelling (no leading zeros, no stray base64 bits).
 */
export function decodeWebhookLogCursor(text: string): WebhookLogCursor | undefined {
  if (!base64url.test(text)) return undefined;
  const bytes = fromBase64(text.replaceAll("-", "+").replaceAll("_", "/"));
  if (!bytes) return undefined;
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const match = fields.exec(decoded);
  if (!match?.[1] || !match[2]) return undefined;
  const cursor = { createdAt: Number(match[1]), id: match[2] };
  if (!Number.isSafeInteger(cursor.createdAt)) return undefined;
  return encodeWebhookLogCursor(cursor) === text ? cursor : undefined;
}

/** The `before` query parameter: a cursor from a list's `nextCursor`, read into its position. */
export const webhookLogCursorSchema = z.string().transform((text, ctx) => {
  const cursor = decodeWebhookLogCursor(text);
  if (cursor) return cursor;
  ctx.addIssue({ code: "custom", message: "Must be a nextCursor from an earlier page" });
  return z.NEVER;
});
