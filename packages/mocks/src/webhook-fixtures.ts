import { generateWebhookSecret } from "@plugboard/core";
import type {
  Keyring,
  Store,
  WebhookAttemptRecord,
  WebhookEndpointRecord,
  WebhookMessageRecord,
} from "@plugboard/server";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Three endpoints, one per state a story shows: healthy (mid-rotation), failing (retrying), and
 * disabled (a Pumble channel that kept failing). Times are relative to now, so health — measured
 * over the last 24 h — shows.
 */
export function fixtureWebhooks(now = Date.now()) {
  const endpoint = (
    overrides: Partial<WebhookEndpointRecord> & Pick<WebhookEndpointRecord, "id" | "url">,
  ): WebhookEndpointRecord => ({
    organizationId: "org_acme",
    projectId: null,
    secretUrl: null,
    description: "",
    destination: "standard",
    eventMode: "all",
    events: [],
    enabled: true,
    disabledReason: null,
    disabledAt: null,
    secret: "", // sealed by seedWebhooks
    secretHint: "whsec_…",
    previousSecret: null,
    previousSecretExpiresAt: null,
    consecutiveFailures: 0,
    failingSince: null,
    lastDeliveryStatus: null,
    lastDeliveryAt: null,
    createdAt: now - 30 * 24 * HOUR,
    updatedAt: now - 30 * 24 * HOUR,
    ...overrides,
  });
  const endpoints = [
    endpoint({
      id: "whe_healthy",
      url: "https://ci.acme.dev/hooks/plugboard",
      description: "CI pipeline",
      lastDeliveryStatus: "succeeded",
      lastDeliveryAt: now - 5 * MINUTE,
      previousSecretExpiresAt: now + 20 * HOUR,
    }),
    endpoint({
      id: "whe_failing",
      url: "https://crm.acme.dev/webhooks/issues",
      description: "CRM sync",
      eventMode: "individual",
      events: ["issue.created", "issue.updated", "issue.completed"],
      projectId: "prj_web",
      consecutiveFailures: 4,
      failingSince: now - 3 * HOUR,
      lastDeliveryStatus: "failed",
      lastDeliveryAt: now - 20 * MINUTE,
      createdAt: now - 20 * 24 * HOUR,
    }),
    endpoint({
      id: "whe_disabled",
      // As the server stores a chat destination: masked; the full URL is sealed by seedWebhooks.
      url: "https://api.pumble.com/…ture",
      description: "#releases in Pumble",
      destination: "pumble",
      eventMode: "individual",
      events: ["cycle.completed"],
      enabled: false,
      disabledReason: "failing",
      disabledAt: now - 2 * HOUR,
      consecutiveFailures: 10,
      failingSince: now - 26 * HOUR,
      lastDeliveryStatus: "failed",
      lastDeliveryAt: now - 2 * HOUR,
      createdAt: now - 10 * 24 * HOUR,
    }),
  ];

  const message = (
    endpointId: string,
    id: string,
    type: string,
    data: Record<string, unknown>,
    createdAt: number,
    state: Pick<WebhookMessageRecord, "status" | "attemptCount" | "nextAttemptAt">,
  ): WebhookMessageRecord => ({
    id,
    organizationId: "org_acme",
    endpointId,
    eventId: `evt_${id.slice(4)}`,
    eventType: type,
    body: JSON.stringify({ type, timestamp: new Date(createdAt).toISOString(), data }),
    lastAttemptAt: state.attemptCount > 0 ? createdAt : null,
    trigger: "scheduled",
    leaseOwner: null,
    leaseUntil: null,
    createdAt,
    ...state,
  });
  // The settled states: delivered at the first try, or given up after all 8 attempts of the
  // kit's default retry schedule.
  const delivered = { status: "succeeded", attemptCount: 1, nextAttemptAt: null } as const;
  const gaveUp = { status: "failed", attemptCount: 8, nextAttemptAt: null } as const;
  const messages = [
    message(
      "whe_healthy",
      "msg_delivered1",
      "issue.created",
      { id: "iss_101", title: "Login button misaligned" },
      now - 5 * MINUTE,
      delivered,
    ),
    message(
      "whe_healthy",
      "msg_delivered2",
      "comment.created",
      { id: "com_7", issueId: "iss_99" },
      now - 40 * MINUTE,
      delivered,
    ),
    message(
      "whe_failing",
      "msg_retrying",
      "issue.updated",
      { id: "iss_88", title: "Export to CSV" },
      now - 40 * MINUTE,
      { status: "pending", attemptCount: 3, nextAttemptAt: now + 25 * MINUTE },
    ),
    message(
      "whe_failing",
      "msg_gaveup",
      "issue.completed",
      { id: "iss_42", title: "Dark mode" },
      now - 3 * HOUR,
      gaveUp,
    ),
    message(
      "whe_disabled",
      "msg_chatfailed",
      "cycle.completed",
      { id: "cyc_12", name: "Sprint 12" },
      now - 26 * HOUR,
      gaveUp,
    ),
  ];

  const attempt = (
    messageId: string,
    endpointId: string,
    id: string,
    createdAt: number,
    result: Partial<WebhookAttemptRecord>,
  ): WebhookAttemptRecord => ({
    id,
    organizationId: "org_acme",
    messageId,
    endpointId,
    status: "failed",
    trigger: "scheduled",
    responseStatus: 500,
    responseBody: '{"error":"upstream unavailable"}',
    error: null,
    latencyMs: 212,
    nextRetryAt: null,
    createdAt,
    ...result,
  });
  const attempts = [
    attempt("msg_delivered1", "whe_healthy", "att_ok1", now - 5 * MINUTE, {
      status: "succeeded",
      responseStatus: 200,
      responseBody: "ok",
      latencyMs: 84,
    }),
    attempt("msg_delivered2", "whe_healthy", "att_ok2", now - 40 * MINUTE, {
      status: "succeeded",
      responseStatus: 204,
      responseBody: "",
      latencyMs: 61,
    }),
    attempt("msg_retrying", "whe_failing", "att_r1", now - 40 * MINUTE, {
      nextRetryAt: now - 40 * MINUTE + 5000,
    }),
    attempt("msg_retrying", "whe_failing", "att_r2", now - 39 * MINUTE, {
      responseStatus: 503,
      responseBody: "Service Unavailable",
      nextRetryAt: now - 34 * MINUTE,
    }),
    attempt("msg_retrying", "whe_failing", "att_r3", now - 20 * MINUTE, {
      responseStatus: null,
      responseBody: null,
      error: "timeout",
      latencyMs: 15000,
      nextRetryAt: now + 25 * MINUTE,
    }),
    attempt("msg_gaveup", "whe_failing", "att_g8", now - 3 * HOUR, {
      responseStatus: 404,
      responseBody: "Not Found",
    }),
    attempt("msg_chatfailed", "whe_disabled", "att_c8", now - 2 * HOUR, {
      responseStatus: 403,
      responseBody: "invalid_token",
    }),
  ];
  return { endpoints, messages, attempts };
}

/** Puts the webhook fixtures in the store, each with a real secret sealed by the kit's keyring. */
/** The full URLs of the fixture chat destinations, which the records hold only masked. */
const fixtureChatUrls: Record<string, string> = {
  whe_disabled: "https://api.pumble.com/workspaces/acme/incomingWebhooks/postMessage/fixture",
};

export async function seedWebhooks(store: Store, keyring: Keyring): Promise<void> {
  const { endpoints, messages, attempts } = fixtureWebhooks();
  // The log goes in before its endpoints exist, so it leaves their fixture health as it is.
  await store.webhooks.publish(
    {
      id: "evt_fixtures",
      organizationId: "org_acme",
      type: "issue.created",
      idempotencyKey: null,
      createdAt: Date.now(),
    },
    () => messages,
  );
  for (const record of attempts) {
    await store.webhooks.recordAttempt(
      record,
      { status: "pending", nextAttemptAt: null },
      "fixtures",
    );
  }
  for (const record of endpoints) {
    const secret = generateWebhookSecret();
    const context = `webhook-endpoint:${record.id}`;
    // A chat destination's URL is its credential: the server keeps it only encrypted.
    const chatUrl = fixtureChatUrls[record.id];
    await store.webhooks.createEndpoint({
      ...record,
      secretUrl: chatUrl
        ? await keyring.encrypt(chatUrl, `webhook-endpoint-url:${record.id}`)
        : null,
      secret: await keyring.encrypt(secret, context),
      secretHint: `whsec_…${secret.slice(-4)}`,
      previousSecret:
        record.previousSecretExpiresAt === null
          ? null
          : await keyring.encrypt(generateWebhookSecret(), context),
    });
  }
}
