import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { findEndpoint, presentWithHealth } from "./access";

export const getWebhookEndpoint = defineRoute({
  method: "GET",
  path: "/webhooks/endpoints/:endpointId",
  async handle({ params, identity, context }) {
    const endpoint = await findEndpoint(context, identity, params.endpointId ?? "");
    return json(await presentWithHealth(context, endpoint));
  },
});
