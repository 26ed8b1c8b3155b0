import type { Channel, PushRecord } from "./types";

/**
 * Google's push notifications: a POST with no body to the channel's address, what changed told
 * only by headers. Sent after the change is answered, without blocking it; a receiver that fails
 * is not retried here (Google retries with backoff, which the sync's poll fallback covers).
 */
export function createPushSender(base: () => string) {
  const sent: PushRecord[] = [];
  const inFlight = new Set<Promise<void>>();

  function send(channel: Channel, state: PushRecord["state"]) {
    const record: PushRecord = {
      channelId: channel.id,
      state,
      messageNumber: channel.messageNumber,
      status: null,
    };
    sent.push(record);
    const headers: Record<string, string> = {
      "x-goog-channel-id": channel.id,
      "x-goog-channel-expiration": new Date(channel.expiration).toUTCString(),
      "x-goog-resource-id": channel.resourceId,
      "x-goog-resource-uri": `${base()}/calendars/${encodeURIComponent(channel.calendarId)}/events?alt=json`,
      "x-goog-resource-state": state,
      "x-goog-message-number": String(channel.messageNumber),
    };
    if (channel.token !== null) headers["x-goog-channel-token"] = channel.token;
    const delivery = (async () => {
      // Let the change's own response go out first, as Google's pushes trail the write.
      await new Promise((resolve) => setTimeout(resolve, 0));
      try {
        const response = await fetch(channel.address, { method: "POST", headers });
        record.status = response.status;
        await response.body?.cancel();
      } catch {
        record.status = 0;
      }
    })();
    inFlight.add(delivery);
    delivery.finally(() => inFlight.delete(delivery));
  }

  return {
    sent,
    send,
    /** Resolves when every push sent so far has been answered (or failed). */
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
