import {
  type CreatedWebhookEndpoint,
  createId,
  createWebhookEndpointSchema,
  generateWebhookSecret,
} from "@plugboard/core";
import type { z } from "zod";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import type { WebhookEndpointRecord } from "../../stores/webhook-types";
import { presentEndpoint, secretHint } from "../../webhooks/present";
import { secretContext } from "../../webhooks/send";
import { assertUrlAllowed } from "./access";

/** Registers an endpoint and answers its signing secret: the only time it is sent in full. */
export const createWebhookEndpoint = defineRoute<z.output<typeof createWebhookEndpointSchema>>({
  method: "POST",
  path: "/webhooks/endpoints",
  role: "admin",
  body: createWebhookEndpointSchema,
  async handle({ body, identity, context }) {
    await assertUrlAllowed(context, body.url);
    const id = createId("whe");
    const secret = generateWebhookSecret();
    const now = context.now();
    const record: WebhookEndpointRecord = {
      id,
      organizationId: identity.organizationId,
      projectId: body.projectId ?? null,
      url: body.url,
      description: body.description,
      destination: body.destination,
      eventMode: body.eventMode,
      events: body.eventMode === "all" ? [] : body.events,
      enabled: body.enabled,
      disabledReason: body.enabled ? null : "manual",
      disabledAt: body.enabled ? null : now,
      secret: await context.keyring.encrypt(secret, secretContext(id)),
      secretHint: secretHint(secret),
      previousSecret: null,
      previousSecretExpiresAt: null,
      consecutiveFailures: 0,
      failingSince: null,
      lastDeliveryStatus: null,
      lastDeliveryAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await context.store.webhooks.createEndpoint(record);
    const created: CreatedWebhookEndpoint = {
      endpoint: presentEndpoint(record, undefined, now),
      secret,
    };
    return json(created, 201);
  },
});
