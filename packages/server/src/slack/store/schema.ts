export interface SlackChannelsTable {
  organization_id: string;
  project_id: string;
  channel_id: string;
  channel_name: string;
  /** JSON array of event types. */
  events: string;
  last_status: string | null;
  last_error: string | null;
  last_event_type: string | null;
  last_at: number | string | null;
  updated_by: string;
  updated_at: number | string;
}

export interface SlackIssueMessagesTable {
  organization_id: string;
  issue_id: string;
  channel_id: string;
  ts: string;
  created_at: number | string;
}

export interface SlackInboundTable {
  id: string;
  received_at: number | string;
}

export interface SlackDeliveriesTable {
  id: string;
  organization_id: string;
  project_id: string;
  event_id: string;
  event_type: string;
  channel_id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: number | string;
  last_attempt_at: number | string;
}
