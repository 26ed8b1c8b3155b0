import * as react from "@plugboard/react";
import { expect, test } from "vitest";

// Every name here is a promise to users, so adding, renaming or dropping one must show up in
// review as an edit to this snapshot. `@plugboard/react/styles.css`, the other entry point, is a
// stylesheet with no runtime exports.
test("@plugboard/react's public exports change only deliberately", () => {
  expect(Object.keys(react).sort()).toMatchInlineSnapshot(`
    [
      "ApiKeyEnabledSwitch",
      "ApiKeyUsage",
      "ApiKeysManager",
      "CopyApiKeyDialog",
      "CreateApiKeyDialog",
      "GoogleCalendarSync",
      "IntegrationCard",
      "IntegrationGallery",
      "LinkedRepositories",
      "PlugboardProvider",
      "RenameApiKeyDialog",
      "RevokeApiKeyDialog",
      "RotateApiKeyDialog",
      "SlackChannelSettings",
      "SsoSettings",
      "WebhookManager",
      "apiKeyKeys",
      "createPlugboardQueryClient",
      "defaultStrings",
      "githubKeys",
      "integrationKeys",
      "slackKeys",
      "ssoKeys",
      "useAddSsoDomain",
      "useApiKeyMutations",
      "useApiKeyUsage",
      "useApiKeys",
      "useCreateSsoConnection",
      "useCreateWebhookEndpoint",
      "useDeleteSsoConnection",
      "useDeleteWebhookEndpoint",
      "useIntegrationPopup",
      "useIntegrations",
      "usePlugboard",
      "useRecoverWebhookMessages",
      "useRemoveSsoDomain",
      "useResendWebhookMessage",
      "useRotateWebhookSecret",
      "useSendWebhookTest",
      "useSsoConnections",
      "useSsoDomains",
      "useSsoLoginAttempts",
      "useSsoTestPopup",
      "useStrings",
      "useUpdateSsoConnection",
      "useUpdateWebhookEndpoint",
      "useVerifySsoDomain",
      "useWebhookAttempts",
      "useWebhookEndpoints",
      "useWebhookMessages",
      "webhookKeys",
    ]
  `);
});
