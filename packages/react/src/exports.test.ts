import * as react from "@plugboard/react";
import { expect, test } from "vitest";

// Every name here is a promise to users, so adding, renaming or dropping one must show up in
// review as an edit to this snapshot. `@plugboard/react/styles.css`, the other entry point, is a
// stylesheet with no runtime exports.
test("@plugboard/react's public exports change only deliberately", () => {
  expect(Object.keys(react).sort()).toMatchInlineSnapshot(`
    [
      "AccountLinks",
      "ApiKeyEnabledSwitch",
      "ApiKeyUsage",
      "ApiKeysManager",
      "CopyApiKeyDialog",
      "CreateApiKeyDialog",
      "GoogleCalendarSync",
      "IntegrationCard",
      "IntegrationGallery",
      "JiraImport",
      "LinkedRepositories",
      "PlugboardProvider",
      "RenameApiKeyDialog",
      "RevokeApiKeyDialog",
      "RotateApiKeyDialog",
      "SlackChannelSettings",
      "WebhookManager",
      "accountLinkKeys",
      "apiKeyKeys",
      "createPlugboardQueryClient",
      "defaultStrings",
      "githubKeys",
      "integrationKeys",
      "jiraImportKeys",
      "slackKeys",
      "useApiKeyMutations",
      "useApiKeyUsage",
      "useApiKeys",
      "useCreateWebhookEndpoint",
      "useDeleteWebhookEndpoint",
      "useIntegrationPopup",
      "useIntegrations",
      "usePlugboard",
      "useRecoverWebhookMessages",
      "useResendWebhookMessage",
      "useRotateWebhookSecret",
      "useSendWebhookTest",
      "useStrings",
      "useUpdateWebhookEndpoint",
      "useWebhookAttempts",
      "useWebhookEndpoints",
      "useWebhookMessages",
      "webhookKeys",
    ]
  `);
});
