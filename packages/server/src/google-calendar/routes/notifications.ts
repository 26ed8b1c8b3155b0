import { PlugboardError } from "@plugboard/core";
import { json } from "../../http/responses";
import { definePublicRoute } from "../../http/route";
import { sameDigest, sha256Hex } from "../hash";
import { enqueueSync } from "../runtime";

/**
 * Google's push notifications for watched calendars. They carry no body and no signature: the
 * channel id must be one we opened, the resource id Google gave it, and the token the one we
 * chose (compared by hash, in constant time). The initial `sync` message is acknowledged and
 * nothing else; any other one only queues an incremental sync (which a waiting one absorbs).
 */
export const googleCalendarNotifications = definePublicRoute({
  method: "POST",
  path: "/providers/google-calendar/notifications",
  auth: "none",
  async handle({ request, context }) {
    const header = (name: string) => request.headers.get(name) ?? "";
    const channelId = header("x-goog-channel-id");
    const state = header("x-goog-resource-state");
    if (!channelId || !state || channelId.length > 200) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: "X-Goog-Channel-ID and X-Goog-Resource-State are required",
      });
    }
    const sync = await context.store.googleCalendar.findSyncByChannel(channelId);
    const presented = await sha256Hex(header("x-goog-channel-token"));
    const genuine =
      sync !== null &&
      sync.channelTokenHash !== null &&
      sameDigest(presented, sync.channelTokenHash) &&
      sync.channelResourceId === header("x-goog-resource-id");
    if (!sync || !genuine) {
      // The same answer for an unknown channel and a wrong token: nothing to probe with.
      throw new PlugboardError({ code: "unauthenticated", detail: "Unknown channel or token" });
    }
    if (state === "sync") return json({ status: "ignored" });
    await enqueueSync(context, sync);
    return json({ status: "queued" });
  },
});
