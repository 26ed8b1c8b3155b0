import { createCall } from "./call";
import { accountLinksResource } from "./resources/account-links";
import { apiKeysResource } from "./resources/api-keys";
import { githubResource } from "./resources/github";
import { googleCalendarResource } from "./resources/google-calendar";
import { integrationsResource } from "./resources/integrations";
import { jiraImportResource } from "./resources/jira-import";
import { slackResource } from "./resources/slack";
import { ssoResource } from "./resources/sso";
import { webhooksResource } from "./resources/webhooks";
import { createTransport, type TransportOptions } from "./transport";

export type PlugboardClientOptions = TransportOptions;

/**
 * A typed client for the handler kit's REST API, typed from the core contracts without loading
 * zod; every failure is a `PlugboardError` (a caller's abort stays an `AbortError`).
 */
export function createPlugboardClient(options: PlugboardClientOptions) {
  const call = createCall(createTransport(options));
  return {
    integrations: integrationsResource(call),
    github: githubResource(call),
    webhooks: webhooksResource(call),
    apiKeys: apiKeysResource(call),
    sso: ssoResource(call),
    jiraImport: jiraImportResource(call),
    slack: slackResource(call),
    accountLinks: accountLinksResource(call),
    googleCalendar: googleCalendarResource(call),
    /** Where the handler kit is mounted; OAuth callback pages post their messages from its origin. */
    baseUrl: options.baseUrl,
  };
}

export type PlugboardClient = ReturnType<typeof createPlugboardClient>;
