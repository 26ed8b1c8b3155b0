import { type WebhookAttemptList, webhookContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { presentAttempt } from "../present";
import { findEndpoint } from "./access";
import { logPage } from "./log-page";

/** The endpoint's delivery attempts, newest first, a page at a time; `?messageId=` for one message's. */
export const listWebhookAttempts = implement(webhookContracts.listAttempts, {
  async handle({ params, query, identity, context }) {
    const endpoint = await findEndpoint(context, identity, params.endpointId);
    // The parsed query string is the filter: the schema keeps only its fields.
    const records = await context.store.webhooks.listAttempts(
      endpoint.organizationId,
      endpoint.id,
      { ...query, limit: query.limit + 1 },
    );
    const { page, nextCursor } = logPage(records, query.limit);
    const body: WebhookAttemptList = { data: page.map(presentAttempt), nextCursor };
    return body;
  },
});
