import { type WebhookMessageList, webhookMessageQuerySchema } from "@plugboard/core";
import { readQuery } from "../../http/query";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { presentMessage } from "../../webhooks/present";
import { findEndpoint } from "./access";

/** The endpoint's messages, newest first; `?status=failed` for the failed ones. */
export const listWebhookMessages = defineRoute({
  method: "GET",
  path: "/webhooks/endpoints/:endpointId/messages",
  async handle({ request, params, identity, context }) {
    const query = readQuery(request, webhookMessageQuerySchema);
    const endpoint = await findEndpoint(context, identity, params.endpointId ?? "");
    const records = await context.store.webhooks.listMessages(
      endpoint.organizationId,
      endpoint.id,
      {
        status: query.status,
        limit: query.limit,
      },
    );
    const body: WebhookMessageList = { data: records.map(presentMessage) };
    return json(body);
  },
});
