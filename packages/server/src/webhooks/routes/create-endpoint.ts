import { type CreatedWebhookEndpoint, webhookContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { createEndpoint } from "../create-endpoint";
import { presentEndpoint } from "../present";
import { assertUrlAllowed } from "./access";

/** Registers an endpoint and answers its signing secret: the only time it is sent in full. */
export const createWebhookEndpoint = implement(webhookContracts.create, {
  async handle({ body, identity, context }) {
    await assertUrlAllowed(context, body.url);
    const { record, secret } = await createEndpoint(context, identity.organizationId, body);
    const created: CreatedWebhookEndpoint = {
      endpoint: presentEndpoint(record, undefined, context.now()),
      secret,
    };
    return created;
  },
});
