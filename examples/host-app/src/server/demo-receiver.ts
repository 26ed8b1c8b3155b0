import { verifyWebhook, WebhookVerificationError } from "@plugboard/core";
import express, { type Router } from "express";
import { demoUsers } from "./demo-identity";
import type { TrackerContext } from "./tracker/context";
import { createIssue } from "./tracker/issues/create-issue";

export interface ReceivedDelivery {
  /** Arrival order (a retry of one message arrives more than once under one `webhook-id`). */
  sequence: number;
  /** `webhook-id`: the same on every retry of one message. */
  id: string;
  type: string | null;
  receivedAt: string;
  /** `verified`, a verification error code, or `no_secret` before one was set. */
  outcome: "verified" | "no_secret" | WebhookVerificationError["code"];
  /** Seen before: a retry or a resend, which a real receiver would skip. */
  duplicate: boolean;
}

const keep = 20;

/**
 * A receiver for the demo, as a customer would write one: it verifies the Standard Webhooks
 * signature of the raw body with the secret the page hands it, dedupes on `webhook-id`, and
 * answers 4xx to anything it cannot verify, so those show up as failures in the delivery log.
 */
export function demoReceiver(tracker: TrackerContext): Router {
  const router = express.Router();
  let secrets: string[] = [];
  const deliveries: ReceivedDelivery[] = [];
  const seen = new Set<string>();
  let sequence = 0;

  router.post("/", express.raw({ type: () => true, limit: "512kb" }), async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
    const id = req.header("webhook-id") ?? "";
    const record: ReceivedDelivery = {
      sequence: ++sequence,
      id,
      type: null,
      receivedAt: new Date().toISOString(),
      outcome: "no_secret",
      duplicate: seen.has(id),
    };
    try {
      if (secrets.length > 0) {
        record.type = (await verifyWebhook(secrets, req.headers, body)).type;
        record.outcome = "verified";
      }
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      record.outcome = error.code;
    }
    deliveries.unshift(record);
    deliveries.length = Math.min(deliveries.length, keep);
    if (record.outcome !== "verified") {
      res.status(record.outcome === "no_secret" ? 401 : 400).json({ error: record.outcome });
      return;
    }
    seen.add(id);
    res.status(204).end();
  });

  router.get("/deliveries", (_req, res) => {
    res.json({ data: deliveries, hasSecret: secrets.length > 0 });
  });

  // The demo page pastes the secret shown once at creation (or after a rotation) here. The
  // previous one is kept too, as during a rotation's grace period both sign.
  router.put("/secret", express.json(), (req, res) => {
    const secret = (req.body as { secret?: unknown } | undefined)?.secret;
    if (typeof secret !== "string" || !secret.startsWith("whsec_")) {
      res.status(400).json({ error: "Expected { secret: 'whsec_…' }" });
      return;
    }
    secrets = [secret, ...secrets.filter((known) => known !== secret)].slice(0, 2);
    res.status(204).end();
  });

  // A person creating an issue in the tracker, which announces issue.created through Plugboard:
  // one message per matching endpoint in the outbox, delivered by the dispatcher.
  let issueNumber = 0;
  router.post("/publish", async (_req, res) => {
    const issue = await createIssue(
      tracker,
      { organizationId: demoUsers.ada.organizationId, actor: { userId: demoUsers.ada.userId } },
      { projectId: "prj_demo", title: `Demo issue ${++issueNumber} from the webhooks section` },
    );
    res.status(201).json({ key: issue.key });
  });

  return router;
}
