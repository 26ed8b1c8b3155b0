import type {
  WebhookAttempt,
  WebhookEndpoint,
  WebhookEventType,
  WebhookMessageRecord as WebhookMessageView,
} from "@plugboard/core";
import type {
  WebhookAttemptRecord,
  WebhookEndpointRecord,
  WebhookEndpointStats,
  WebhookMessageRecord,
} from "./store/types";

const iso = (ms: number) => new Date(ms).toISOString();
const maybeIso = (ms: number | null) => (ms === null ? null : iso(ms));

/** Health is measured over this window. */
export const healthWindowMs = 24 * 3_600_000;

/** The wire form: the secret only as a hint, never the ciphertext either. */
export function presentEndpoint(
  record: WebhookEndpointRecord,
  stats: WebhookEndpointStats | undefined,
  now: number,
): WebhookEndpoint {
  const attempts = stats?.attempts ?? 0;
  return {
    id: record.id,
    organizationId: record.organizationId,
    projectId: record.projectId,
    url: record.url,
    description: record.description,
    destination: record.destination,
    eventMode: record.eventMode,
    events: record.events as WebhookEventType[],
    enabled: record.enabled,
    disabledReason: record.enabled ? null : record.disabledReason,
    disabledAt: record.enabled ? null : maybeIso(record.disabledAt),
    secretHint: record.secretHint,
    previousSecretExpiresAt:
      record.previousSecretExpiresAt !== null && record.previousSecretExpiresAt > now
        ? iso(record.previousSecretExpiresAt)
        : null,
    health: {
      lastDeliveryStatus: record.lastDeliveryStatus,
      lastDeliveryAt: maybeIso(record.lastDeliveryAt),
      failureRate: attempts === 0 ? 0 : (stats?.failures ?? 0) / attempts,
      recentAttempts: attempts,
      consecutiveFailures: record.consecutiveFailures,
    },
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
  };
}

export function presentMessage(record: WebhookMessageRecord): WebhookMessageView {
  return {
    id: record.id,
    endpointId: record.endpointId,
    eventType: record.eventType,
    payload: JSON.parse(record.body) as WebhookMessageView["payload"],
    status: record.status,
    attemptCount: record.attemptCount,
    nextAttemptAt: record.status === "pending" ? maybeIso(record.nextAttemptAt) : null,
    lastAttemptAt: maybeIso(record.lastAttemptAt),
    createdAt: iso(record.createdAt),
  };
}

export function presentAttempt(record: WebhookAttemptRecord): WebhookAttempt {
  return {
    id: record.id,
    messageId: record.messageId,
    endpointId: record.endpointId,
    status: record.status,
    trigger: record.trigger,
    responseStatus: record.responseStatus,
    responseBody: record.responseBody,
    error: record.error,
    latencyMs: record.latencyMs,
    nextRetryAt: maybeIso(record.nextRetryAt),
    createdAt: iso(record.createdAt),
  };
}

/** `whsec_…AbCd`: enough to tell two secrets apart, nothing an attacker can use. */
export function secretHint(secret: string): string {
  return `whsec_…${secret.slice(-4)}`;
}
