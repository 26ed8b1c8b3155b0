import { PlugboardError, type WebhookLogCursor } from "@plugboard/core";
import type {
  WebhookAttemptRecord,
  WebhookEndpointRecord,
  WebhookEndpointStats,
  WebhookEventRecord,
  WebhookMessageRecord,
  WebhookStore,
} from "./types";

const copyEndpoint = (record: WebhookEndpointRecord): WebhookEndpointRecord => ({
  ...record,
  events: [...record.events],
});

const newestFirst = (a: WebhookLogCursor, b: WebhookLogCursor) =>
  b.createdAt - a.createdAt || b.id.localeCompare(a.id);

/** Keyset paging in the same order the log is sorted in: only the rows after `before`. */
const after = (before: WebhookLogCursor | undefined) => (row: WebhookLogCursor) =>
  before === undefined || newestFirst(before, row) < 0;

/** Every method runs to completion without awaiting, so each one is atomic in this process. */
export function memoryWebhooks(): WebhookStore & { clear(): void } {
  const endpoints = new Map<string, WebhookEndpointRecord>();
  const events = new Map<string, WebhookEventRecord>();
  const eventsByKey = new Map<string, string>();
  const messages = new Map<string, WebhookMessageRecord>();
  let attempts: WebhookAttemptRecord[] = [];

  const ownedEndpoint = (organizationId: string, id: string) => {
    const record = endpoints.get(id);
    return record && record.organizationId === organizationId ? record : undefined;
  };
  const ownedMessage = (organizationId: string, id: string) => {
    const record = messages.get(id);
    return record && record.organizationId === organizationId ? record : undefined;
  };
  const idempotencyKey = (organizationId: string, key: string) => `${organizationId}\u0000${key}`;

  return {
    async createEndpoint(record) {
      if (endpoints.has(record.id)) {
        throw new PlugboardError({ code: "conflict", detail: "That endpoint already exists" });
      }
      endpoints.set(record.id, copyEndpoint(record));
    },
    async getEndpoint(organizationId, id) {
      const record = ownedEndpoint(organizationId, id);
      return record ? copyEndpoint(record) : null;
    },
    async getEndpointsById(ids) {
      return ids.flatMap((id) => {
        const record = endpoints.get(id);
        return record ? [copyEndpoint(record)] : [];
      });
    },
    async listEndpoints(organizationId) {
      return [...endpoints.values()]
        .filter((record) => record.organizationId === organizationId)
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
        .map(copyEndpoint);
    },
    async updateEndpoint(organizationId, id, changes) {
      const record = ownedEndpoint(organizationId, id);
      if (!record) return null;
      const updated = { ...record, ...changes };
      endpoints.set(id, copyEndpoint(updated));
      return copyEndpoint(updated);
    },
    async disableEndpoint(id, reason, at) {
      const record = endpoints.get(id);
      if (!record?.enabled) return null;
      const updated = {
        ...record,
        enabled: false,
        disabledReason: reason,
        disabledAt: at,
        updatedAt: at,
      };
      endpoints.set(id, updated);
      return copyEndpoint(updated);
    },
    async deleteEndpoint(organizationId, id) {
      if (!ownedEndpoint(organizationId, id)) return false;
      endpoints.delete(id);
      for (const [messageId, message] of messages) {
        if (message.endpointId === id) messages.delete(messageId);
      }
      attempts = attempts.filter((attempt) => attempt.endpointId !== id);
      return true;
    },
    async endpointStats(organizationId, since) {
      const stats = new Map<string, WebhookEndpointStats>();
      for (const attempt of attempts) {
        if (attempt.organizationId !== organizationId || attempt.createdAt < since) continue;
        const entry = stats.get(attempt.endpointId) ?? { attempts: 0, failures: 0 };
        entry.attempts += 1;
        if (attempt.status === "failed") entry.failures += 1;
        stats.set(attempt.endpointId, entry);
      }
      return stats;
    },

    async publish(event, messagesFor) {
      if (event.idempotencyKey !== null) {
        const earlier = eventsByKey.get(idempotencyKey(event.organizationId, event.idempotencyKey));
        const found = earlier === undefined ? undefined : events.get(earlier);
        if (found) return { event: { ...found }, duplicate: true, messages: 0 };
      }
      const batch = messagesFor(
        [...endpoints.values()]
          .filter((record) => record.organizationId === event.organizationId)
          .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
          .map(copyEndpoint),
      );
      if (event.idempotencyKey !== null) {
        eventsByKey.set(idempotencyKey(event.organizationId, event.idempotencyKey), event.id);
      }
      events.set(event.id, { ...event });
      for (const message of batch) messages.set(message.id, { ...message });
      return { event: { ...event }, duplicate: false, messages: batch.length };
    },
    async insertMessage(message) {
      messages.set(message.id, { ...message });
    },
    async getMessage(organizationId, id) {
      const record = ownedMessage(organizationId, id);
      return record ? { ...record } : null;
    },
    async listMessages(organizationId, endpointId, filter) {
      return [...messages.values()]
        .filter(
          (message) =>
            message.organizationId === organizationId &&
            message.endpointId === endpointId &&
            (filter.status === undefined || message.status === filter.status),
        )
        .filter(after(filter.before))
        .sort(newestFirst)
        .slice(0, filter.limit)
        .map((message) => ({ ...message }));
    },
    async claimDue(now, limit, owner, leaseUntil) {
      const due = [...messages.values()]
        .filter(
          (message) =>
            message.status === "pending" &&
            message.nextAttemptAt !== null &&
            message.nextAttemptAt <= now &&
            (message.leaseUntil === null || message.leaseUntil <= now),
        )
        .sort((a, b) => (a.nextAttemptAt ?? 0) - (b.nextAttemptAt ?? 0))
        .slice(0, limit);
      for (const message of due) {
        message.leaseOwner = owner;
        message.leaseUntil = leaseUntil;
      }
      return due.map((message) => ({ ...message }));
    },
    async recordAttempt(attempt, outcome, owner) {
      // The SQL stores' primary key: an attempt is logged once.
      if (attempts.some((logged) => logged.id === attempt.id)) {
        throw new PlugboardError({ code: "conflict", detail: "That attempt is already logged" });
      }
      attempts.push({ ...attempt });
      const message = messages.get(attempt.messageId);
      if (message && (owner === null || message.leaseOwner === owner)) {
        message.status = outcome.status;
        message.nextAttemptAt = outcome.nextAttemptAt;
        message.lastAttemptAt = attempt.createdAt;
        message.attemptCount += 1;
        message.trigger = "scheduled";
        message.leaseOwner = null;
        message.leaseUntil = null;
      }
      const endpoint = endpoints.get(attempt.endpointId);
      if (!endpoint) return null;
      const failed = attempt.status === "failed";
      endpoint.consecutiveFailures = failed ? endpoint.consecutiveFailures + 1 : 0;
      endpoint.failingSince = failed ? (endpoint.failingSince ?? attempt.createdAt) : null;
      endpoint.lastDeliveryStatus = attempt.status;
      endpoint.lastDeliveryAt = attempt.createdAt;
      return copyEndpoint(endpoint);
    },
    async failMessages(ids, owner) {
      for (const id of ids) {
        const message = messages.get(id);
        if (!message || message.leaseOwner !== owner) continue;
        message.status = "failed";
        message.nextAttemptAt = null;
        message.leaseOwner = null;
        message.leaseUntil = null;
      }
    },
    async requeueMessage(organizationId, endpointId, messageId, at) {
      const message = ownedMessage(organizationId, messageId);
      if (!message || message.endpointId !== endpointId) return null;
      Object.assign(message, requeued(at));
      return { ...message };
    },
    async requeueFailed(organizationId, endpointId, since, until, at) {
      let count = 0;
      for (const message of messages.values()) {
        if (
          message.organizationId === organizationId &&
          message.endpointId === endpointId &&
          message.status === "failed" &&
          message.createdAt >= since &&
          message.createdAt < until
        ) {
          Object.assign(message, requeued(at));
          count += 1;
        }
      }
      return count;
    },
    async prune(before) {
      const result = { messages: 0, attempts: 0, events: 0 };
      const pruned = new Set<string>();
      for (const [id, message] of messages) {
        if (message.status === "pending") continue;
        if ((message.lastAttemptAt ?? message.createdAt) >= before) continue;
        messages.delete(id);
        pruned.add(id);
      }
      result.messages = pruned.size;
      const kept = attempts.filter(
        (attempt) => attempt.createdAt >= before && !pruned.has(attempt.messageId),
      );
      result.attempts = attempts.length - kept.length;
      attempts = kept;
      for (const [id, event] of events) {
        if (event.createdAt >= before) continue;
        events.delete(id);
        if (event.idempotencyKey !== null) {
          eventsByKey.delete(idempotencyKey(event.organizationId, event.idempotencyKey));
        }
        result.events += 1;
      }
      return result;
    },
    async listAttempts(organizationId, endpointId, filter) {
      return attempts
        .filter(
          (attempt) =>
            attempt.organizationId === organizationId &&
            attempt.endpointId === endpointId &&
            (filter.messageId === undefined || attempt.messageId === filter.messageId),
        )
        .filter(after(filter.before))
        .sort(newestFirst)
        .slice(0, filter.limit)
        .map((attempt) => ({ ...attempt }));
    },
    clear() {
      endpoints.clear();
      events.clear();
      eventsByKey.clear();
      messages.clear();
      attempts = [];
    },
  };
}

/** A message queued again by a person: due `at`, a fresh schedule, any claim dropped. */
function requeued(at: number) {
  return {
    status: "pending" as const,
    nextAttemptAt: at,
    attemptCount: 0,
    trigger: "manual" as const,
    leaseOwner: null,
    leaseUntil: null,
  };
}
