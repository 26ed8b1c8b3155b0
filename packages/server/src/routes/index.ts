import type { Route } from "../http/route";
import { createApiKey } from "./api-keys/create-api-key";
import { getApiKey } from "./api-keys/get-api-key";
import { getApiKeyUsage } from "./api-keys/get-api-key-usage";
import { listApiKeys } from "./api-keys/list-api-keys";
import { revokeApiKey } from "./api-keys/revoke-api-key";
import { rotateApiKey } from "./api-keys/rotate-api-key";
import { updateApiKey } from "./api-keys/update-api-key";
import { linkRepository } from "./github/link-repository";
import { listGitHubReferences } from "./github/list-references";
import { listGitHubRepositories } from "./github/list-repositories";
import { listRepositoryLinks } from "./github/list-repository-links";
import { receiveGitHubWebhook } from "./github/receive-webhook";
import { unlinkRepository } from "./github/unlink-repository";
import { deleteInstallation } from "./integrations/delete-installation";
import { getIntegration } from "./integrations/get-integration";
import { installWebhookIntegration } from "./integrations/install-webhook-integration";
import { listIntegrations } from "./integrations/list-integrations";
import { authorizeIntegration } from "./oauth/authorize-integration";
import { oauthCallback } from "./oauth/oauth-callback";
import { createWebhookEndpoint } from "./webhooks/create-endpoint";
import { deleteWebhookEndpoint } from "./webhooks/delete-endpoint";
import { getWebhookEndpoint } from "./webhooks/get-endpoint";
import { listWebhookAttempts } from "./webhooks/list-attempts";
import { listWebhookEndpoints } from "./webhooks/list-endpoints";
import { listWebhookMessages } from "./webhooks/list-messages";
import { recoverWebhookMessages } from "./webhooks/recover-messages";
import { resendWebhookMessage } from "./webhooks/resend-message";
import { rotateWebhookSecret } from "./webhooks/rotate-secret";
import { sendWebhookTest } from "./webhooks/send-test";
import { updateWebhookEndpoint } from "./webhooks/update-endpoint";

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
