/** Where one project's Slack notifications go. Times are epoch milliseconds. */
export interface SlackChannelSettingsRecord {
  organizationId: string;
  projectId: string;
  channelId: string;
  channelName: string;
  /** Catalog event types sent to the channel. */
  events: string[];
  lastDelivery: SlackDeliveryRecord | null;
  updatedBy: string;
  updatedAt: number;
}

/** The outcome of the last message posted for a project; `error` is Slack's code. */
export interface SlackDeliveryRecord {
  status: "delivered" | "failed";
  error: string | null;
  eventType: string;
  at: number;
}

/** The message that stands for an issue in a channel: later changes edit it and reply in its thread. */
export interface SlackIssueMessageRecord {
  organizationId: string;
  issueId: string;
  channelId: string;
  ts: string;
  createdAt: number;
}

/**
 * One notification (an event for a channel) in the project's delivery log, with its attempts.
 * Keyed by organization, event and channel: every attempt of the job updates the same row.
 */
export interface SlackDeliveryLogRecord {
  id: string;
  organizationId: string;
  projectId: string;
  eventId: string;
  eventType: string;
  channelId: string;
  status: "delivered" | "retrying" | "failed";
  attempts: number;
  /** The latest failed attempt's error, kept when a later attempt delivers. */
  lastError: string | null;
  createdAt: number;
  lastAttemptAt: number;
}

/** One attempt's outcome, as `recordDeliveryAttempt` adds it to the log. */
export type SlackDeliveryAttempt = Omit<
  SlackDeliveryLogRecord,
  "attempts" | "createdAt" | "lastAttemptAt"
> & {
  /** This attempt's error; null when it delivered. */
  lastError: string | null;
  at: number;
};

export interface SlackStore {
  /** Creates or replaces the project's settings, keeping its last delivery. */
  putSettings(
    record: Omit<SlackChannelSettingsRecord, "lastDelivery">,
  ): Promise<SlackChannelSettingsRecord>;
  getSettings(
    organizationId: string,
    projectId: string,
  ): Promise<SlackChannelSettingsRecord | null>;
  deleteSettings(organizationId: string, projectId: string): Promise<boolean>;
  recordDeliveryOutcome(
    organizationId: string,
    projectId: string,
    outcome: SlackDeliveryRecord,
  ): Promise<void>;
  /**
   * Counts an attempt on the event's log row (created by its first attempt; the `id` of later
   * attempts is ignored), with its outcome.
   */
  recordDeliveryAttempt(attempt: SlackDeliveryAttempt): Promise<void>;
  /** The project's delivery log, the latest attempted first. */
  listDeliveries(
    organizationId: string,
    projectId: string,
    limit: number,
  ): Promise<SlackDeliveryLogRecord[]>;
  findIssueMessage(
    organizationId: string,
    issueId: string,
    channelId: string,
  ): Promise<SlackIssueMessageRecord | null>;
  /** Keeps the first message of an issue in a channel; false when one was already kept. */
  saveIssueMessage(record: SlackIssueMessageRecord): Promise<boolean>;
  /** Remembers Slack's event_id (or a trigger_id); false when it was seen already (a retry). */
  recordInbound(id: string, receivedAt: number): Promise<boolean>;
  pruneInbound(before: number): Promise<number>;
}
