import { PlugboardError, verifyGitHubSignature } from "@plugboard/core";
import { parseJsonText, readRawBody } from "../../http/body";
import { json } from "../../http/responses";
import { definePublicRoute } from "../../http/route";
import { handleGitHubEvent } from "../webhook-events";

/**
 * GitHub's webhook: verified by X-Hub-Signature-256 over the raw bytes, deduped by
 * X-GitHub-Delivery (GitHub redelivers with the same id). Point the repository or organization
 * webhook at `{mount}/providers/github/webhook` with content type application/json.
 */
export const receiveGitHubWebhook = definePublicRoute({
  method: "POST",
  path: "/providers/github/webhook",
  auth: "none",
  async handle({ request, context }) {
    const secret = context.github.options?.webhookSecret;
    if (!secret) {
      throw new PlugboardError({ code: "not_found", detail: "GitHub webhooks are not configured" });
    }
    const raw = await readRawBody(request, context.maxBodyBytes);
    if (!(await verifyGitHubSignature(secret, raw, request.headers.get("x-hub-signature-256")))) {
      throw new PlugboardError({ code: "unauthenticated", detail: "Invalid webhook signature" });
    }
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
    const payload = parseJsonText(new TextDecoder().decode(raw));
    // GitHub's test delivery on creating the hook: the signature proved the secret; nothing to do.
    if (event === "ping") return json({ status: "ignored" });
    if (!(await context.store.github.recordDelivery(deliveryId, context.now()))) {
      return json({ status: "duplicate" });
    }
    try {
      return json({ status: await handleGitHubEvent(context, event, payload) });
    } catch (error) {
      // Not done: forget the id so GitHub's redelivery is processed rather than skipped.
      await context.store.github.forgetDelivery(deliveryId);
      throw error;
    }
  },
});
