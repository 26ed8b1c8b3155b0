import { PlugboardError, verifyGitHubSignature } from "@plugboard/core";
import { z } from "zod";
import { parseJsonText } from "../http/body";
import { json } from "../http/responses";
import { defineInboundReceiver } from "../inbound/receiver";
import { defineJob } from "../jobs/define";
import { handledGitHubEvents, handleGitHubEvent } from "./webhook-events";

// The payload travels as GitHub's JSON text: stored and parsed once, whatever its depth.
const githubDeliverySchema = z.object({
  event: z.string(),
  deliveryId: z.string(),
  payload: z.string(),
});
type GitHubDelivery = z.infer<typeof githubDeliverySchema>;
const githubEventJob = defineJob("github.webhook", githubDeliverySchema);

/**
 * GitHub's webhook: verified by X-Hub-Signature-256 over the raw bytes, deduped by
 * X-GitHub-Delivery (GitHub redelivers with the same id), processed by the worker. Point the
 * repository or organization webhook at `{mount}/providers/github/webhook`, content type JSON
 * (the form-encoded `payload=` variant is read too).
 */
export const githubWebhookReceiver = defineInboundReceiver<GitHubDelivery>({
  path: "/providers/github/webhook",
  secret: (context) => context.github.options?.webhookSecret ?? null,
  verify: (secret, request, raw) =>
    verifyGitHubSignature(secret, raw, request.headers.get("x-hub-signature-256")),
  accept(body, request) {
    const deliveryId = request.headers.get("x-github-delivery");
    const event = request.headers.get("x-github-event");
    if (!deliveryId || !event) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: "X-GitHub-Delivery and X-GitHub-Event are required",
      });
    }
    // GitHub's delivery ids are GUIDs: anything this long is not GitHub, and is not stored.
    if (deliveryId.length > 200) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: "X-GitHub-Delivery is too long",
      });
    }
    const payload = body.json === undefined ? formPayload(body.form) : body.text;
    // A ping (sent on creating the hook: the signature proved the secret) or an event Plugboard
    // does not use: acknowledged, not remembered, nothing queued.
    if (!handledGitHubEvents.has(event)) return { reply: json({ status: "ignored" }) };
    return { deliveryId, work: { event, deliveryId, payload } };
  },
  firstSeen: (context, deliveryId) =>
    context.store.github.recordDelivery(deliveryId, context.now()),
  job: githubEventJob,
  async process(context, { event, payload }) {
    await handleGitHubEvent(context, event, JSON.parse(payload));
  },
});

/** The form-encoded variant's `payload` field, checked to be JSON before it is queued. */
function formPayload(form: URLSearchParams | undefined): string {
  const payload = form?.get("payload");
  if (payload === null || payload === undefined) {
    throw new PlugboardError({
      code: "unsupported_media_type",
      detail: "Send GitHub webhooks as application/json (or form-encoded with a payload field)",
    });
  }
  parseJsonText(payload);
  return payload;
}
