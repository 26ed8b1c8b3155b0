import { type WebhookMessageList, webhookContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { presentMessage } from "../present";
import { findEndpoint } from "./access";
import { logPage } from "./log-page";

/** The endpoint's messages, newest first, a page at a time; `?status=failed` for the failed ones. */
export const listWebhookMessages = implement(webhookContracts.listMessages, {
  async handle({ params, query, identity, context }) {
    const endpoint = await findEndpoint(context, identity, params.endpointId);
    // The parsed query string is the filter: the schema keeps only its fields.
    const records = await context.store.webhooks.listMessages(
      endpoint.organizationId,
      endpoint.id,
      { ...query, limit: query.limit + 1 },
    );
    const { page, nextCursor } = logPage(records, query.limit);
    const body: WebhookMessageList = { data: page.map(presentMessage), nextCursor };
    return body;
  },
});
