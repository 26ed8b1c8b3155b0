export interface JiraImportSourcesTable {
  id: string;
  organization_id: string;
  kind: string;
  name: string;
  site_url: string | null;
  email: string | null;
  token_ciphertext: string | null;
  time_zone: string | null;
  row_count: number | null;
  created_at: number | string;
}

export interface JiraImportRowsTable {
  source_id: string;
  row_index: number;
  data: string;
}

export interface JiraImportRunsTable {
  id: string;
  organization_id: string;
  source_id: string;
  project_key: string;
  jql: string | null;
  host_project_id: string;
  /** JSON: mapping, checkpoint, progress and report. */
  mapping: string;
  status: string;
  checkpoint: string;
  progress: string;
  report: string;
  error: string | null;
  created_at: number | string;
  updated_at: number | string;
}

export interface JiraImportItemsTable {
  organization_id: string;
  host_project_id: string;
  kind: string;
  jira_id: string;
  jira_key: string | null;
  host_id: string;
  parent_jira_id: string | null;
  parent_jira_key: string | null;
}
