import type {
  WebhookAttemptTrigger,
  WebhookDeliveryStatus,
  WebhookDestination,
  WebhookDisabledReason,
  WebhookEventMode,
  WebhookLogCursor,
  WebhookMessageStatus,
} from "@plugboard/core";

/** An endpoint as stored. Times are epoch ms; secrets are keyring ciphertext bound to the id. */
export interface WebhookEndpointRecord {
  id: string;
  organizationId: string;
  projectId: string | null;
  /**
   * Where it delivers. For chat destinations, whose URL is itself the credential, only a
   * masked form for display; the full URL is in `secretUrl`.
   */
  url: string;
  /** A chat destination's full URL, encrypted; null for the others. */
  secretUrl: string | null;
  description: string;
  destination: WebhookDestination;
  eventMode: WebhookEventMode;
  events: string[];
  enabled: boolean;
  disabledReason: WebhookDisabledReason | null;
  disabledAt: number | null;
  secret: string;
  secretHint: string;
  /** The secret before the last rotation; it signs too until `previousSecretExpiresAt`. */
  previousSecret: string | null;
  previousSecretExpiresAt: number | null;
  /** Failed attempts since the last success, and when that streak began. */
  consecutiveFailures: number;
  failingSince: number | null;
  lastDeliveryStatus: WebhookDeliveryStatus | null;
  lastDeliveryAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export type WebhookEndpointChanges = Partial<
  Pick<
    WebhookEndpointRecord,
    | "url"
    | "secretUrl"
    | "description"
    | "destination"
    | "eventMode"
    | "events"
    | "projectId"
    | "enabled"
    | "disabledReason"
    | "disabledAt"
    | "secret"
    | "secretHint"
    | "previousSecret"
    | "previousSecretExpiresAt"
    | "consecutiveFailures"
    | "failingSince"
  >
> & { updatedAt: number };

/** One published event: the anchor of idempotency (one per organization and key). */
export interface WebhookEventRecord {
  id: string;
  organizationId: string;
  type: string;
  idempotencyKey: string | null;
  createdAt: number;
}

/** One event queued for one endpoint. `id` is the `webhook-id`. */
export interface WebhookMessageRecord {
  id: string;
  organizationId: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  /** The exact JSON body `{ type, timestamp, data }`, as signed and sent. */
  body: string;
  status: WebhookMessageStatus;
  /** Attempts since it was last queued (by publishing, resend or recover): indexes the schedule. */
  attemptCount: number;
  /** Null while not due: delivered, failed, or being sent by a test. */
  nextAttemptAt: number | null;
  lastAttemptAt: number | null;
  /** What starts its next attempt: the schedule, or a person's resend/recover. */
  trigger: WebhookAttemptTrigger;
  /** A dispatcher's claim: nobody else sends it until `leaseUntil` (a crashed one's claim lapses). */
  leaseOwner: string | null;
  leaseUntil: number | null;
  createdAt: number;
}

export interface WebhookAttemptRecord {
  id: string;
  organizationId: string;
  messageId: string;
  endpointId: string;
  status: WebhookDeliveryStatus;
  trigger: WebhookAttemptTrigger;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
  latencyMs: number;
  nextRetryAt: number | null;
  createdAt: number;
}

/** How a finished attempt leaves its message. */
export interface WebhookMessageOutcome {
  status: WebhookMessageStatus;
  nextAttemptAt: number | null;
}

export interface WebhookEndpointStats {
  attempts: number;
  failures: number;
}

/** What one `prune` deleted. */
export interface WebhookPruneResult {
  messages: number;
  attempts: number;
  events: number;
}

export interface WebhookStore {
  createEndpoint(record: WebhookEndpointRecord): Promise<void>;
  getEndpoint(organizationId: string, id: string): Promise<WebhookEndpointRecord | null>;
  /** For the dispatcher, which works across organizations. */
  getEndpointsById(ids: readonly string[]): Promise<WebhookEndpointRecord[]>;
  /** Oldest first. */
  listEndpoints(organizationId: string): Promise<WebhookEndpointRecord[]>;
  updateEndpoint(
    organizationId: string,
    id: string,
    changes: WebhookEndpointChanges,
  ): Promise<WebhookEndpointRecord | null>;
  /**
   * Disables an endpoint that is still enabled. Answers it when this call disabled it, null
   * otherwise, so that of several dispatchers seeing the same failure only one announces it.
   */
  disableEndpoint(
    id: string,
    reason: WebhookDisabledReason,
    at: number,
  ): Promise<WebhookEndpointRecord | null>;
  /** Deletes the endpoint with its messages and attempts. Whether it existed. */
  deleteEndpoint(organizationId: string, id: string): Promise<boolean>;
  /** Attempts and failures per endpoint since `since`. */
  endpointStats(organizationId: string, since: number): Promise<Map<string, WebhookEndpointStats>>;

  /**
   * Writes the event and its messages at once (one transaction). `messagesFor` gets the
   * organization's endpoints as read inside that transaction, so the fan-out and the write see
   * the same endpoints (on PostgreSQL the rows are locked `FOR SHARE` until commit: an endpoint
   * cannot be deleted or changed between being read and getting its message). With an
   * idempotency key already used in the organization, writes nothing and answers the earlier
   * event.
   */
  publish(
    event: WebhookEventRecord,
    messagesFor: (endpoints: WebhookEndpointRecord[]) => WebhookMessageRecord[],
  ): Promise<{ event: WebhookEventRecord; duplicate: boolean; messages: number }>;
  /** Adds one message outside any event fan-out (a test message). */
  insertMessage(message: WebhookMessageRecord): Promise<void>;
  getMessage(organizationId: string, id: string): Promise<WebhookMessageRecord | null>;
  /** Newest first (by `createdAt`, then `id`); with `before`, only the rows after that one. */
  listMessages(
    organizationId: string,
    endpointId: string,
    filter: {
      status?: WebhookMessageStatus | undefined;
      limit: number;
      before?: WebhookLogCursor | undefined;
    },
  ): Promise<WebhookMessageRecord[]>;
  /**
   * Claims up to `limit` pending messages due by `now` whose lease is free or lapsed, leasing
   * them to `owner` until `leaseUntil`. Concurrent callers never get the same message while its
   * lease holds (PostgreSQL: `FOR UPDATE SKIP LOCKED`).
   */
  claimDue(
    now: number,
    limit: number,
    owner: string,
    leaseUntil: number,
  ): Promise<WebhookMessageRecord[]>;
  /**
   * Logs an attempt and moves its message on, in one transaction; the message changes only while
   * `owner` still holds it (a lapsed lease taken over by another dispatcher wins). Updates the
   * endpoint's health and answers it.
   */
  recordAttempt(
    attempt: WebhookAttemptRecord,
    outcome: WebhookMessageOutcome,
    owner: string | null,
  ): Promise<WebhookEndpointRecord | null>;
  /** Marks claimed messages failed without an attempt (their endpoint is disabled or gone). */
  failMessages(ids: readonly string[], owner: string): Promise<void>;
  /** Queues one message again, due `at`, with a fresh schedule; null if not the endpoint's. */
  requeueMessage(
    organizationId: string,
    endpointId: string,
    messageId: string,
    at: number,
  ): Promise<WebhookMessageRecord | null>;
  /** Queues again the endpoint's failed messages created in [since, until). How many. */
  requeueFailed(
    organizationId: string,
    endpointId: string,
    since: number,
    until: number,
    at: number,
  ): Promise<number>;
  /**
   * Retention: deletes messages that are no longer pending and saw no activity (created or last
   * attempted) since `before`, with all their attempts; any other attempt made before `before`;
   * and events (the idempotency anchors) published before `before`. A pending message is never
   * deleted, however old.
   */
  prune(before: number): Promise<WebhookPruneResult>;
  /** Newest first (by `createdAt`, then `id`); with `before`, only the rows after that one. */
  listAttempts(
    organizationId: string,
    endpointId: string,
    filter: {
      messageId?: string | undefined;
      limit: number;
      before?: WebhookLogCursor | undefined;
    },
  ): Promise<WebhookAttemptRecord[]>;
}
