import { createApiKey } from "../api-keys/routes/create-api-key";
import { getApiKey } from "../api-keys/routes/get-api-key";
import { getApiKeyUsage } from "../api-keys/routes/get-api-key-usage";
import { listApiKeys } from "../api-keys/routes/list-api-keys";
import { revokeApiKey } from "../api-keys/routes/revoke-api-key";
import { rotateApiKey } from "../api-keys/routes/rotate-api-key";
import { updateApiKey } from "../api-keys/routes/update-api-key";
import { linkRepository } from "../github/routes/link-repository";
import { listGitHubReferences } from "../github/routes/list-references";
import { listGitHubRepositories } from "../github/routes/list-repositories";
import { listRepositoryLinks } from "../github/routes/list-repository-links";
import { receiveGitHubWebhook } from "../github/routes/receive-webhook";
import { unlinkRepository } from "../github/routes/unlink-repository";
import type { Route } from "../http/route";
import { authorizeIntegration } from "../integrations/routes/authorize-integration";
import { deleteInstallation } from "../integrations/routes/delete-installation";
import { getIntegration } from "../integrations/routes/get-integration";
import { installWebhookIntegration } from "../integrations/routes/install-webhook-integration";
import { listIntegrations } from "../integrations/routes/list-integrations";
import { oauthCallback } from "../integrations/routes/oauth-callback";
import { createWebhookEndpoint } from "../webhooks/routes/create-endpoint";
import { deleteWebhookEndpoint } from "../webhooks/routes/delete-endpoint";
import { getWebhookEndpoint } from "../webhooks/routes/get-endpoint";
import { listWebhookAttempts } from "../webhooks/routes/list-attempts";
import { listWebhookEndpoints } from "../webhooks/routes/list-endpoints";
import { listWebhookMessages } from "../webhooks/routes/list-messages";
import { recoverWebhookMessages } from "../webhooks/routes/recover-messages";
import { resendWebhookMessage } from "../webhooks/routes/resend-message";
import { rotateWebhookSecret } from "../webhooks/routes/rotate-secret";
import { sendWebhookTest } from "../webhooks/routes/send-test";
import { updateWebhookEndpoint } from "../webhooks/routes/update-endpoint";

export const routes = [
  listIntegrations,
  getIntegration,
  installWebhookIntegration,
  deleteInstallation,
  authorizeIntegration,
  oauthCallback,
  listGitHubRepositories,
  listRepositoryLinks,
  linkRepository,
  unlinkRepository,
  listGitHubReferences,
  receiveGitHubWebhook,
  listApiKeys,
  createApiKey,
  getApiKey,
  updateApiKey,
  rotateApiKey,
  revokeApiKey,
  getApiKeyUsage,
  listWebhookEndpoints,
  createWebhookEndpoint,
  getWebhookEndpoint,
  updateWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  sendWebhookTest,
  listWebhookMessages,
  listWebhookAttempts,
  resendWebhookMessage,
  recoverWebhookMessages,
] as Route<unknown>[];
