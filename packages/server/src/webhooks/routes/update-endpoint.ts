import {
  checkWebhookEndpointShape,
  PlugboardError,
  toFieldErrors,
  webhookContracts,
} from "@plugboard/core";
import { z } from "zod";
import { implement } from "../../http/route";
import { endpointUrlFields, secretUrlContext } from "../endpoint-url";
import type { WebhookEndpointChanges } from "../store/types";
import { assertUrlAllowed, findEndpoint, presentWithHealth } from "./access";

// The cross-field rules again, on the endpoint as it would be after the change.
const mergedShape = z.looseObject({}).superRefine(checkWebhookEndpointShape);

/**
 * Changes the given fields. `enabled: false` disables it (reason `manual`); `enabled: true`
 * re-enables it and starts its failure count afresh.
 */
export const updateWebhookEndpoint = implement(webhookContracts.update, {
  async handle({ params, body, identity, context }) {
    const current = await findEndpoint(context, identity, params.endpointId);
    const merged = { ...current, ...definedOnly(body) };
    const shape = mergedShape.safeParse(merged);
    if (!shape.success) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: "The endpoint would be invalid after this change",
        errors: toFieldErrors(shape.error),
      });
    }
    // A chat destination's `url` is masked: sent back unchanged, it means "keep the URL".
    const newUrl = body.url !== undefined && body.url !== current.url ? body.url : undefined;
    if (newUrl !== undefined) await assertUrlAllowed(context, newUrl);
    const now = context.now();
    const changes: WebhookEndpointChanges = { ...definedOnly(body), updatedAt: now };
    delete changes.url;
    if (newUrl !== undefined || merged.destination !== current.destination) {
      const url =
        newUrl ??
        (current.secretUrl
          ? await context.keyring.decrypt(current.secretUrl, secretUrlContext(current.id))
          : current.url);
      Object.assign(changes, await endpointUrlFields(context, current.id, url, merged.destination));
    }
    if (merged.eventMode === "all") changes.events = [];
    if (body.enabled === false && current.enabled) {
      changes.disabledReason = "manual";
      changes.disabledAt = now;
    }
    if (body.enabled === true && !current.enabled) {
      Object.assign(changes, {
        disabledReason: null,
        disabledAt: null,
        consecutiveFailures: 0,
        failingSince: null,
      });
    }
    const updated = await context.store.webhooks.updateEndpoint(
      identity.organizationId,
      current.id,
      changes,
    );
    if (!updated)
      throw new PlugboardError({ code: "not_found", detail: "No such webhook endpoint" });
    return presentWithHealth(context, updated);
  },
});

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
