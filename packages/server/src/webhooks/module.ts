import { defineModule } from "../module";
import { webhooks } from "./migrations/0002-webhooks";
import { webhookRetention } from "./migrations/0005-webhook-retention";
import { webhookSecretUrls } from "./migrations/0006-webhook-secret-urls";
import { createWebhookEndpoint } from "./routes/create-endpoint";
import { deleteWebhookEndpoint } from "./routes/delete-endpoint";
import { getWebhookEndpoint } from "./routes/get-endpoint";
import { listWebhookAttempts } from "./routes/list-attempts";
import { listWebhookEndpoints } from "./routes/list-endpoints";
import { listWebhookMessages } from "./routes/list-messages";
import { recoverWebhookMessages } from "./routes/recover-messages";
import { resendWebhookMessage } from "./routes/resend-message";
import { rotateWebhookSecret } from "./routes/rotate-secret";
import { sendWebhookTest } from "./routes/send-test";
import { updateWebhookEndpoint } from "./routes/update-endpoint";
import { memoryWebhooks } from "./store/memory";
import type { WebhooksStoreSlice } from "./store/slice";
import { sqlWebhooks } from "./store/sql";

/** Outgoing webhooks: endpoints, the durable outbox, its delivery log. */
export const webhooksModule = defineModule<WebhooksStoreSlice>({
  name: "webhooks",
  store: {
    memory: () => ({ webhooks: memoryWebhooks() }),
    sql: (db, options) => ({ webhooks: sqlWebhooks(db, options) }),
  },
  migrations: {
    "0002_webhooks": webhooks,
    "0005_webhook_retention": webhookRetention,
    "0006_webhook_secret_urls": webhookSecretUrls,
  },
  routes: [
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
  ],
});
