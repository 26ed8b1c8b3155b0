import { type WebhookAttemptList, webhookAttemptQuerySchema } from "@plugboard/core";
import { readQuery } from "../../http/query";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { presentAttempt } from "../../webhooks/present";
import { findEndpoint } from "./access";

/** The endpoint's delivery attempts, newest first; `?messageId=` for one message's. */
export const listWebhookAttempts = defineRoute({
  method: "GET",
  path: "/webhooks/endpoints/:endpointId/attempts",
  async handle({ request, params, identity, context }) {
    const query = readQuery(request, webhookAttemptQuerySchema);
    const endpoint = await findEndpoint(context, identity, params.endpointId ?? "");
    // The parsed query string is the filter: the schema keeps only its fields.
    const records = await context.store.webhooks.listAttempts(
      endpoint.organizationId,
      endpoint.id,
      query,
    );
    const body: WebhookAttemptList = { data: records.map(presentAttempt) };
    return json(body);
  },
});
