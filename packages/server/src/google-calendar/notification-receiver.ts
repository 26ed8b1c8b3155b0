import { PlugboardError } from "@plugboard/core";
import { json } from "../http/responses";
import { defineInboundReceiver } from "../inbound/receiver";
import { sameDigest, sha256Hex } from "./hash";
import { runSync, syncJob } from "./runtime";
import type { CalendarSyncRecord } from "./store/types";

/** The sync whose watch channel the notification names (null: none of ours). */
interface ChannelOwner {
  sync: CalendarSyncRecord | null;
}

const header = (request: Request, name: string) => request.headers.get(name) ?? "";

/**
 * Google's push notifications for watched calendars, at `{mount}/providers/google-calendar/
 * notifications`. They carry no body and no signature: the channel id must be one we opened, the
 * resource id the one Google gave it, and the token the one we chose (compared by hash, in
 * constant time); an unknown channel gets the same 401 as a wrong token, so nothing can be
 * probed. The initial `sync` message is acknowledged and nothing else, unchecked: it changes
 * nothing and may arrive before the channel is stored. Any other message
 * (`exists` for every change, deletions included) is counted on the sync and, when no listing
 * was owed, queues an incremental sync job of its own, with no dedupe key: a job that is running
 * may have made its last check already. When one was owed, the job owing it sees the count move
 * and lists again (`pullUntilQuiet`), so a burst queues one job and the reply says `duplicate`.
 * Google's message numbers skip and redeliveries repeat one; they are not deduped, as an extra
 * incremental listing finds nothing and costs one call.
 */
export const googleCalendarNotifications = defineInboundReceiver<
  { organizationId: string; syncId: string; full: boolean },
  ChannelOwner
>({
  path: "/providers/google-calendar/notifications",
  async secret(context, request) {
    const channelId = header(request, "x-goog-channel-id");
    if (!channelId || !header(request, "x-goog-resource-state") || channelId.length > 200) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: "X-Goog-Channel-ID and X-Goog-Resource-State are required",
      });
    }
    return { sync: await context.store.googleCalendar.findSyncByChannel(channelId) };
  },
  async verify({ sync }, request) {
    // The `sync` message changes nothing and is answered the same for any channel. Google sends
    // it as the watch opens, so it can arrive before the channel is stored.
    if (header(request, "x-goog-resource-state") === "sync") return true;
    const presented = await sha256Hex(header(request, "x-goog-channel-token"));
    return (
      sync !== null &&
      sync.channelTokenHash !== null &&
      sameDigest(presented, sync.channelTokenHash) &&
      sync.channelResourceId === header(request, "x-goog-resource-id")
    );
  },
  accept(_body, request, { sync }) {
    if (header(request, "x-goog-resource-state") === "sync") {
      return { reply: json({ status: "ignored" }) };
    }
    // verify() let only a known channel through.
    const owner = sync as CalendarSyncRecord;
    return {
      deliveryId: owner.channelId as string,
      work: { organizationId: owner.organizationId, syncId: owner.id, full: false },
    };
  },
  // Counts the notification; true (queue a job) only when no listing was owed before it.
  firstSeen: (context, channelId) => context.store.googleCalendar.noteChanges(channelId),
  job: syncJob,
  process: (context, payload) => runSync(context, payload),
});
