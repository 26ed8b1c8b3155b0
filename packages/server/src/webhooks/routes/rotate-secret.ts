import {
  generateWebhookSecret,
  PlugboardError,
  type RotatedWebhookSecret,
  webhookContracts,
} from "@plugboard/core";
import { implement } from "../../http/route";
import { secretHint } from "../present";
import { secretContext } from "../send";
import { findEndpoint, presentWithHealth } from "./access";

/**
 * A new signing secret, answered once. The old one keeps signing beside it for the grace period
 * (both signatures in `webhook-signature`), so receivers can switch without dropping a message.
 */
export const rotateWebhookSecret = implement(webhookContracts.rotateSecret, {
  async handle({ params, body, identity, context }) {
    const current = await findEndpoint(context, identity, params.endpointId);
    const now = context.now();
    const secret = generateWebhookSecret();
    const grace = body.gracePeriodSeconds * 1000;
    const updated = await context.store.webhooks.updateEndpoint(
      identity.organizationId,
      current.id,
      {
        secret: await context.keyring.encrypt(secret, secretContext(current.id)),
        secretHint: secretHint(secret),
        previousSecret: grace > 0 ? current.secret : null,
        previousSecretExpiresAt: grace > 0 ? now + grace : null,
        updatedAt: now,
      },
    );
    if (!updated)
      throw new PlugboardError({ code: "not_found", detail: "No such webhook endpoint" });
    const rotated: RotatedWebhookSecret = {
      endpoint: await presentWithHealth(context, updated),
      secret,
    };
    return rotated;
  },
});
