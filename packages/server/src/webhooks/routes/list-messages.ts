import { type WebhookMessageList, webhookMessageQuerySchema } from "@plugboard/core";
import { readQuery } from "../../http/query";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { presentMessage } from "../present";
import { findEndpoint } from "./access";
import { logPage } from "./log-page";

/** The endpoint's messages, newest first, a page at a time; `?status=failed` for the failed ones. */
export const listWebhookMessages = defineRoute({
  method: "GET",
  path: "/webhooks/endpoints/:endpointId/messages",
  async handle({ request, params, identity, context }) {
    const query = readQuery(request, webhookMessageQuerySchema);
    const endpoint = await findEndpoint(context, identity, params.endpointId ?? "");
    // The parsed query string is the filter: the schema keeps only its fields.
    const records = await context.store.webhooks.listMessages(
      endpoint.organizationId,
      endpoint.id,
      { ...query, limit: query.limit + 1 },
    );
    const { page, nextCursor } = logPage(records, query.limit);
    const body: WebhookMessageList = { data: page.map(presentMessage), nextCursor };
    return json(body);
  },
});
