export interface CalendarSyncsTable {
  id: string;
  organization_id: string;
  installation_id: string;
  calendar_id: string;
  calendar_name: string | null;
  /** The settings (projects, direction, zone, markers) as JSON text. */
  settings: string;
  status: string;
  sync_token: string | null;
  last_sync_at: number | string | null;
  last_error: string | null;
  conflict_count: number | string;
  channel_id: string | null;
  channel_token_hash: string | null;
  channel_resource_id: string | null;
  channel_expires_at: number | string | null;
  /** Push notifications received; `changes_pulled`: the count a job last finished quietly at. */
  changes_noted: number | string;
  changes_pulled: number | string;
  created_at: number | string;
  updated_at: number | string;
}

export interface CalendarEventLinksTable {
  sync_id: string;
  item_key: string;
  event_id: string;
  etag: string;
  synced_due: string | null;
  synced_title: string;
  /** A cycle's last day (inclusive); null for issues. */
  synced_last_day: string | null;
  updated_at: number | string;
}
