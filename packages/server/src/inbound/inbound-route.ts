import { PlugboardError } from "@plugboard/core";
import { parseBody, readRawBody } from "../http/body";
import { json } from "../http/responses";
import { definePublicRoute, type PublicRoute } from "../http/route";
import type { JsonValue } from "../jobs/types";
import type { InboundReceiver } from "./receiver";

/**
 * The route for a receiver: the body read within the cap and kept raw, the signature checked
 * over those bytes before anything is parsed, JSON or form read by content type, a redelivery
 * answered `duplicate`, and the work queued: the answer does not wait for it. What the request is
 * checked with may come from the store (a Google channel's token hash).
 */
export function inboundRoute<P extends JsonValue, S>(receiver: InboundReceiver<P, S>): PublicRoute {
  return definePublicRoute({
    method: "POST",
    path: receiver.path,
    auth: "none",
    async handle({ request, context }) {
      const secret = await receiver.secret(context, request);
      // An empty signing secret is no secret: never verify against it.
      if (secret === null || secret === "") {
        throw new PlugboardError({ code: "not_found", detail: "This receiver is not configured" });
      }
      const raw = await readRawBody(request, context.maxBodyBytes);
      if (!(await receiver.verify(secret, request, raw, context.now()))) {
        throw new PlugboardError({ code: "unauthenticated", detail: "Invalid signature" });
      }
      const accepted = receiver.accept(parseBody(request, raw), request, secret);
      if ("reply" in accepted) return accepted.reply;
      if (!(await receiver.firstSeen(context, accepted.deliveryId))) {
        return accepted.ack?.() ?? json({ status: "duplicate" });
      }
      await context.worker.enqueue(receiver.job, accepted.work);
      return accepted.ack?.() ?? json({ status: "queued" });
    },
  });
}
