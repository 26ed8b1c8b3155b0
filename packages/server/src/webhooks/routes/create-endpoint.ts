import { type CreatedWebhookEndpoint, createWebhookEndpointSchema } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { createEndpoint, type NewWebhookEndpoint } from "../create-endpoint";
import { presentEndpoint } from "../present";
import { assertUrlAllowed } from "./access";

/** Registers an endpoint and answers its signing secret: the only time it is sent in full. */
export const createWebhookEndpoint = defineRoute<NewWebhookEndpoint>({
  method: "POST",
  path: "/webhooks/endpoints",
  role: "admin",
  body: createWebhookEndpointSchema,
  async handle({ body, identity, context }) {
    await assertUrlAllowed(context, body.url);
    const { record, secret } = await createEndpoint(context, identity.organizationId, body);
    const created: CreatedWebhookEndpoint = {
      endpoint: presentEndpoint(record, undefined, context.now()),
      secret,
    };
    return json(created, 201);
  },
});
