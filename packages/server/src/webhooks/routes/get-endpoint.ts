import { webhookContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { findEndpoint, presentWithHealth } from "./access";

export const getWebhookEndpoint = implement(webhookContracts.get, {
  async handle({ params, identity, context }) {
    const endpoint = await findEndpoint(context, identity, params.endpointId);
    return presentWithHealth(context, endpoint);
  },
});
