import type {
  WebhookAttemptTrigger,
  WebhookDeliveryStatus,
  WebhookDestination,
  WebhookDisabledReason,
  WebhookEventMode,
  WebhookLogCursor,
  WebhookMessageStatus,
} from "@plugboard/core";
import { PlugboardError } from "@plugboard/core";
import {
  type ExpressionBuilder,
  type Kysely,
  PostgresAdapter,
  type Selectable,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
  type Transaction,
} from "kysely";
import { fromJsonList, numberOrNull, toJsonList } from "../../stores/sql/columns";
import { groupCommit } from "../../stores/sql/group-commit";
import type { SqlStoreOptions } from "../../stores/sql/options";
import type { Database } from "../../stores/sql/schema";
import type {
  WebhookAttemptsTable,
  WebhookEndpointsTable,
  WebhookEventsTable,
  WebhookMessagesTable,
} from "./schema";
import type {
  WebhookAttemptRecord,
  WebhookEndpointChanges,
  WebhookEndpointRecord,
  WebhookEndpointStats,
  WebhookEventRecord,
  WebhookMessageOutcome,
  WebhookMessageRecord,
  WebhookStore,
} from "./types";

export function sqlWebhooks(db: Kysely<Database>, options: SqlStoreOptions): WebhookStore {
  const recordAttempt = groupCommit(
    db,
    async (
      trx: Transaction<Database>,
      attempt: WebhookAttemptRecord,
      outcome: WebhookMessageOutcome,
      owner: string | null,
    ) => {
      const failed = attempt.status === "failed";
      await trx.insertInto("plugboard_webhook_attempts").values(toAttemptRow(attempt)).execute();
      let update = trx
        .updateTable("plugboard_webhook_messages")
        .set({
          status: outcome.status,
          next_attempt_at: outcome.nextAttemptAt,
          last_attempt_at: attempt.createdAt,
          attempt_count: sql<number>`attempt_count + 1`,
          trigger: "scheduled",
          lease_owner: null,
          lease_until: null,
        })
        .where("id", "=", attempt.messageId);
      if (owner !== null) update = update.where("lease_owner", "=", owner);
      await update.execute();
      const row = await trx
        .updateTable("plugboard_webhook_endpoints")
        .set({
          consecutive_failures: failed ? sql<number>`consecutive_failures + 1` : 0,
          failing_since: failed
            ? sql<number>`coalesce(failing_since, cast(${attempt.createdAt} as bigint))`
            : null,
          last_delivery_status: attempt.status,
          last_delivery_at: attempt.createdAt,
        })
        .where("id", "=", attempt.endpointId)
        .returningAll()
        .executeTakeFirst();
      return row ? toEndpoint(row) : null;
    },
    options.groupCommits ?? false,
  );

  // Row locks that skip rows other transactions hold: how several PostgreSQL dispatchers share
  // the outbox. SQLite has no such clause and needs none: it runs one writer at a time. The same
  // holds for publish's `FOR SHARE`.
  const skipLocked = db.getExecutor().adapter instanceof PostgresAdapter;

  return {
    async createEndpoint(record) {
      try {
        await db.insertInto("plugboard_webhook_endpoints").values(toEndpointRow(record)).execute();
      } catch (error) {
        if (options.isUniqueViolation(error)) {
          throw new PlugboardError({ code: "conflict", detail: "That endpoint already exists" });
        }
        throw error;
      }
    },
    async getEndpoint(organizationId, id) {
      const row = await db
        .selectFrom("plugboard_webhook_endpoints")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toEndpoint(row) : null;
    },
    async getEndpointsById(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom("plugboard_webhook_endpoints")
        .selectAll()
        .where("id", "in", [...ids])
        .execute();
      return rows.map(toEndpoint);
    },
    async listEndpoints(organizationId) {
      const rows = await db
        .selectFrom("plugboard_webhook_endpoints")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(toEndpoint);
    },
    async updateEndpoint(organizationId, id, changes) {
      const row = await db
        .updateTable("plugboard_webhook_endpoints")
        .set(toEndpointChanges(changes))
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      return row ? toEndpoint(row) : null;
    },
    async disableEndpoint(id, reason, at) {
      const row = await db
        .updateTable("plugboard_webhook_endpoints")
        .set({ enabled: 0, disabled_reason: reason, disabled_at: at, updated_at: at })
        .where("id", "=", id)
        .where("enabled", "=", 1)
        .returningAll()
        .executeTakeFirst();
      return row ? toEndpoint(row) : null;
    },
    async deleteEndpoint(organizationId, id) {
      return db.transaction().execute(async (trx) => {
        const deleted = await trx
          .deleteFrom("plugboard_webhook_endpoints")
          .where("organization_id", "=", organizationId)
          .where("id", "=", id)
          .executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 0) return false;
        await trx.deleteFrom("plugboard_webhook_attempts").where("endpoint_id", "=", id).execute();
        await trx.deleteFrom("plugboard_webhook_messages").where("endpoint_id", "=", id).execute();
        return true;
      });
    },
    async endpointStats(organizationId, since) {
      const rows = await db
        .selectFrom("plugboard_webhook_attempts")
        .select((eb) => [
          "endpoint_id",
          eb.fn.countAll<number | string>().as("attempts"),
          eb.fn
            .sum<number | string | null>(sql`case when status = 'failed' then 1 else 0 end`)
            .as("failures"),
        ])
        .where("organization_id", "=", organizationId)
        .where("created_at", ">=", since)
        .groupBy("endpoint_id")
        .execute();
      return new Map<string, WebhookEndpointStats>(
        rows.map((row) => [
          row.endpoint_id,
          { attempts: Number(row.attempts), failures: Number(row.failures ?? 0) },
        ]),
      );
    },

    async publish(event, messagesFor) {
      try {
        return await db.transaction().execute(async (trx) => {
          // The event first: a repeated idempotency key fails here, before any other work.
          await trx.insertInto("plugboard_webhook_events").values(toEventRow(event)).execute();
          let endpoints = trx
            .selectFrom("plugboard_webhook_endpoints")
            .selectAll()
            .where("organization_id", "=", event.organizationId)
            .orderBy("created_at")
            .orderBy("id");
          // Held until commit: a delete or disable of these endpoints waits for the messages.
          if (skipLocked) endpoints = endpoints.forShare();
          const messages = messagesFor((await endpoints.execute()).map(toEndpoint));
          if (messages.length > 0) {
            await trx
              .insertInto("plugboard_webhook_messages")
              .values(messages.map(toMessageRow))
              .execute();
          }
          return { event, duplicate: false, messages: messages.length };
        });
      } catch (error) {
        if (!options.isUniqueViolation(error) || event.idempotencyKey === null) throw error;
        const earlier = await db
          .selectFrom("plugboard_webhook_events")
          .selectAll()
          .where("organization_id", "=", event.organizationId)
          .where("idempotency_key", "=", event.idempotencyKey)
          .executeTakeFirst();
        if (!earlier) throw error;
        return { event: toEvent(earlier), duplicate: true, messages: 0 };
      }
    },
    async insertMessage(message) {
      await db.insertInto("plugboard_webhook_messages").values(toMessageRow(message)).execute();
    },
    async getMessage(organizationId, id) {
      const row = await db
        .selectFrom("plugboard_webhook_messages")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toMessage(row) : null;
    },
    async listMessages(organizationId, endpointId, filter) {
      let query = db
        .selectFrom("plugboard_webhook_messages")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("endpoint_id", "=", endpointId);
      if (filter.status !== undefined) query = query.where("status", "=", filter.status);
      return (await newestPage(query, filter)).map(toMessage);
    },
    async claimDue(now, limit, owner, leaseUntil) {
      return db.transaction().execute(async (trx) => {
        let due = trx
          .selectFrom("plugboard_webhook_messages")
          .select("id")
          .where("status", "=", "pending")
          .where("next_attempt_at", "<=", now)
          .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<=", now)]))
          .orderBy("next_attempt_at")
          .limit(limit);
        if (skipLocked) due = due.forUpdate().skipLocked();
        const ids = (await due.execute()).map((row) => row.id);
        if (ids.length === 0) return [];
        const rows = await trx
          .updateTable("plugboard_webhook_messages")
          .set({ lease_owner: owner, lease_until: leaseUntil })
          .where("id", "in", ids)
          .returningAll()
          .execute();
        return rows.map(toMessage);
      });
    },
    recordAttempt,
    async failMessages(ids, owner) {
      if (ids.length === 0) return;
      await db
        .updateTable("plugboard_webhook_messages")
        .set({ status: "failed", next_attempt_at: null, lease_owner: null, lease_until: null })
        .where("id", "in", [...ids])
        .where("lease_owner", "=", owner)
        .execute();
    },
    async requeueMessage(organizationId, endpointId, messageId, at) {
      const row = await db
        .updateTable("plugboard_webhook_messages")
        .set(requeued(at))
        .where("organization_id", "=", organizationId)
        .where("endpoint_id", "=", endpointId)
        .where("id", "=", messageId)
        .returningAll()
        .executeTakeFirst();
      return row ? toMessage(row) : null;
    },
    async requeueFailed(organizationId, endpointId, since, until, at) {
      const result = await db
        .updateTable("plugboard_webhook_messages")
        .set(requeued(at))
        .where("organization_id", "=", organizationId)
        .where("endpoint_id", "=", endpointId)
        .where("status", "=", "failed")
        .where("created_at", ">=", since)
        .where("created_at", "<", until)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async prune(before) {
      return db.transaction().execute(async (trx) => {
        // Last activity, not creation: a message resent yesterday keeps its log for the period.
        const expired = (eb: ExpressionBuilder<Database, "plugboard_webhook_messages">) =>
          eb.and([
            eb("status", "<>", "pending"),
            eb(eb.fn.coalesce("last_attempt_at", "created_at"), "<", before),
          ]);
        const attempts = await trx
          .deleteFrom("plugboard_webhook_attempts")
          .where((eb) =>
            eb.or([
              eb("created_at", "<", before),
              eb(
                "message_id",
                "in",
                trx.selectFrom("plugboard_webhook_messages").select("id").where(expired),
              ),
            ]),
          )
          .executeTakeFirst();
        const messages = await trx
          .deleteFrom("plugboard_webhook_messages")
          .where(expired)
          .executeTakeFirst();
        const events = await trx
          .deleteFrom("plugboard_webhook_events")
          .where("created_at", "<", before)
          .executeTakeFirst();
        return {
          messages: Number(messages.numDeletedRows),
          attempts: Number(attempts.numDeletedRows),
          events: Number(events.numDeletedRows),
        };
      });
    },
    async listAttempts(organizationId, endpointId, filter) {
      let query = db
        .selectFrom("plugboard_webhook_attempts")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("endpoint_id", "=", endpointId);
      if (filter.messageId !== undefined) query = query.where("message_id", "=", filter.messageId);
      return (await newestPage(query, filter)).map(toAttempt);
    },
  };
}

/**
 * A page of an endpoint's log, newest first; the id orders rows of the same millisecond. Keyset
 * paging: the rows after `before` in that order, so a page never skips or repeats a row of the
 * millisecond it was cut in, and rows added meanwhile do not shift it.
 */
function newestPage<T extends "plugboard_webhook_messages" | "plugboard_webhook_attempts", O>(
  query: SelectQueryBuilder<Database, T, O>,
  { limit, before }: { limit: number; before?: WebhookLogCursor | undefined },
) {
  const page = before
    ? query.where(
        sql<SqlBool>`(created_at < ${before.createdAt} or (created_at = ${before.createdAt} and id < ${before.id}))`,
      )
    : query;
  return page.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

function requeued(at: number) {
  return {
    status: "pending",
    next_attempt_at: at,
    attempt_count: 0,
    trigger: "manual",
    lease_owner: null,
    lease_until: null,
  };
}

function toEndpointRow(record: WebhookEndpointRecord): WebhookEndpointsTable {
  return {
    id: record.id,
    organization_id: record.organizationId,
    project_id: record.projectId,
    url: record.url,
    secret_url: record.secretUrl,
    description: record.description,
    destination: record.destination,
    event_mode: record.eventMode,
    events: toJsonList(record.events),
    enabled: record.enabled ? 1 : 0,
    disabled_reason: record.disabledReason,
    disabled_at: record.disabledAt,
    secret: record.secret,
    secret_hint: record.secretHint,
    previous_secret: record.previousSecret,
    previous_secret_expires_at: record.previousSecretExpiresAt,
    consecutive_failures: record.consecutiveFailures,
    failing_since: record.failingSince,
    last_delivery_status: record.lastDeliveryStatus,
    last_delivery_at: record.lastDeliveryAt,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}

function toEndpointChanges(changes: WebhookEndpointChanges): Partial<WebhookEndpointsTable> {
  const row: Partial<WebhookEndpointsTable> = { updated_at: changes.updatedAt };
  if (changes.url !== undefined) row.url = changes.url;
  if (changes.secretUrl !== undefined) row.secret_url = changes.secretUrl;
  if (changes.description !== undefined) row.description = changes.description;
  if (changes.destination !== undefined) row.destination = changes.destination;
  if (changes.eventMode !== undefined) row.event_mode = changes.eventMode;
  if (changes.events !== undefined) row.events = toJsonList(changes.events);
  if (changes.projectId !== undefined) row.project_id = changes.projectId;
  if (changes.enabled !== undefined) row.enabled = changes.enabled ? 1 : 0;
  if (changes.disabledReason !== undefined) row.disabled_reason = changes.disabledReason;
  if (changes.disabledAt !== undefined) row.disabled_at = changes.disabledAt;
  if (changes.secret !== undefined) row.secret = changes.secret;
  if (changes.secretHint !== undefined) row.secret_hint = changes.secretHint;
  if (changes.previousSecret !== undefined) row.previous_secret = changes.previousSecret;
  if (changes.previousSecretExpiresAt !== undefined) {
    row.previous_secret_expires_at = changes.previousSecretExpiresAt;
  }
  if (changes.consecutiveFailures !== undefined) {
    row.consecutive_failures = changes.consecutiveFailures;
  }
  if (changes.failingSince !== undefined) row.failing_since = changes.failingSince;
  return row;
}

function toEndpoint(row: Selectable<WebhookEndpointsTable>): WebhookEndpointRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    projectId: row.project_id,
    url: row.url,
    secretUrl: row.secret_url,
    description: row.description,
    destination: row.destination as WebhookDestination,
    eventMode: row.event_mode as WebhookEventMode,
    events: fromJsonList(row.events),
    enabled: Number(row.enabled) === 1,
    disabledReason: row.disabled_reason as WebhookDisabledReason | null,
    disabledAt: numberOrNull(row.disabled_at),
    secret: row.secret,
    secretHint: row.secret_hint,
    previousSecret: row.previous_secret,
    previousSecretExpiresAt: numberOrNull(row.previous_secret_expires_at),
    consecutiveFailures: Number(row.consecutive_failures),
    failingSince: numberOrNull(row.failing_since),
    lastDeliveryStatus: row.last_delivery_status as WebhookDeliveryStatus | null,
    lastDeliveryAt: numberOrNull(row.last_delivery_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function toEventRow(event: WebhookEventRecord): WebhookEventsTable {
  return {
    id: event.id,
    organization_id: event.organizationId,
    type: event.type,
    idempotency_key: event.idempotencyKey,
    created_at: event.createdAt,
  };
}

function toEvent(row: Selectable<WebhookEventsTable>): WebhookEventRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    type: row.type,
    idempotencyKey: row.idempotency_key,
    createdAt: Number(row.created_at),
  };
}

function toMessageRow(message: WebhookMessageRecord): WebhookMessagesTable {
  return {
    id: message.id,
    organization_id: message.organizationId,
    endpoint_id: message.endpointId,
    event_id: message.eventId,
    event_type: message.eventType,
    body: message.body,
    status: message.status,
    attempt_count: message.attemptCount,
    next_attempt_at: message.nextAttemptAt,
    last_attempt_at: message.lastAttemptAt,
    trigger: message.trigger,
    lease_owner: message.leaseOwner,
    lease_until: message.leaseUntil,
    created_at: message.createdAt,
  };
}

function toMessage(row: Selectable<WebhookMessagesTable>): WebhookMessageRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    body: row.body,
    status: row.status as WebhookMessageStatus,
    attemptCount: Number(row.attempt_count),
    nextAttemptAt: numberOrNull(row.next_attempt_at),
    lastAttemptAt: numberOrNull(row.last_attempt_at),
    trigger: row.trigger as WebhookAttemptTrigger,
    leaseOwner: row.lease_owner,
    leaseUntil: numberOrNull(row.lease_until),
    createdAt: Number(row.created_at),
  };
}

function toAttemptRow(attempt: WebhookAttemptRecord): WebhookAttemptsTable {
  return {
    id: attempt.id,
    organization_id: attempt.organizationId,
    message_id: attempt.messageId,
    endpoint_id: attempt.endpointId,
    status: attempt.status,
    trigger: attempt.trigger,
    response_status: attempt.responseStatus,
    response_body: attempt.responseBody,
    error: attempt.error,
    latency_ms: attempt.latencyMs,
    next_retry_at: attempt.nextRetryAt,
    created_at: attempt.createdAt,
  };
}

function toAttempt(row: Selectable<WebhookAttemptsTable>): WebhookAttemptRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    messageId: row.message_id,
    endpointId: row.endpoint_id,
    status: row.status as WebhookDeliveryStatus,
    trigger: row.trigger as WebhookAttemptTrigger,
    responseStatus: numberOrNull(row.response_status),
    responseBody: row.response_body,
    error: row.error,
    latencyMs: Number(row.latency_ms),
    nextRetryAt: numberOrNull(row.next_retry_at),
    createdAt: Number(row.created_at),
  };
}
