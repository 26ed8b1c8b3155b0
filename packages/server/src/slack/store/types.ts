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
