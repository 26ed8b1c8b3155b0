import { encodeWebhookLogCursor, type WebhookLogCursor } from "@plugboard/core";

/**
 * Cuts rows read with `limit + 1` into the page and the cursor of the next one: the row past the
 * page says an older page exists, without counting the log. `nextCursor` is null on the last page.
 */
export function logPage<T extends WebhookLogCursor>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page,
    nextCursor: rows.length > limit && last ? encodeWebhookLogCursor(last) : null,
  };
}
