import { describe, expect, it } from "vitest";
import { decodeWebhookLogCursor, encodeWebhookLogCursor } from "./webhook-log-cursor";
import { webhookAttemptQuerySchema, webhookMessageQuerySchema } from "./webhooks";

const base64url = (text: string) => Buffer.from(text).toString("base64url");

describe("webhook log cursors", () => {
  it("are base64url of `{createdAt}.{id}` and decode to the same position", () => {
    const cursor = { createdAt: 1_764_000_000_123, id: "msg_7fK2aZ09QxLmNb3cVd8eRt" };
    const text = encodeWebhookLogCursor(cursor);
    expect(text).toBe(base64url("1764000000123.msg_7fK2aZ09QxLmNb3cVd8eRt"));
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeWebhookLogCursor(text)).toEqual(cursor);
    expect(decodeWebhookLogCursor(encodeWebhookLogCursor({ createdAt: 0, id: "att_1" }))).toEqual({
      createdAt: 0,
      id: "att_1",
    });
  });

  it.each([
    ["empty", ""],
    ["not base64url", "bXNn+/=="],
    ["padded", `${base64url("12.msg_a")}==`],
    ["no separator", base64url("1764000000000")],
    ["no id", base64url("1764000000000.")],
    ["no time", base64url(".msg_a")],
    ["a negative time", base64url("-5.msg_a")],
    ["a fractional time", base64url("1.5.msg_a")],
    ["a leading zero", base64url("012.msg_a")],
    ["a time past 2^53", base64url("9007199254740993.msg_a")],
    ["an id with spaces", base64url("12.msg a")],
    ["invalid UTF-8", Buffer.from([0x31, 0x2e, 0xff]).toString("base64url")],
    ["too long", "A".repeat(401)],
  ])("reject %s", (_why, text) => {
    expect(decodeWebhookLogCursor(text)).toBeUndefined();
  });

  it("are what both log queries read from `before`, with a field error for junk", () => {
    const cursor = { createdAt: 42, id: "msg_a" };
    const before = encodeWebhookLogCursor(cursor);
    expect(webhookMessageQuerySchema.parse({ before })).toEqual({ limit: 50, before: cursor });
    expect(webhookAttemptQuerySchema.parse({ before, limit: "10" })).toEqual({
      limit: 10,
      before: cursor,
    });
    for (const schema of [webhookMessageQuerySchema, webhookAttemptQuerySchema]) {
      const parsed = schema.safeParse({ before: "junk!" });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.path)).toEqual([["before"]]);
    }
  });
});
