export interface GitHubLinksTable {
  id: string;
  organization_id: string;
  project_id: string;
  installation_id: string;
  repository_id: number | string;
  repository_full_name: string;
  linked_by: string;
  created_at: number | string;
}

export interface GitHubReferencesTable {
  id: string;
  organization_id: string;
  project_id: string;
  issue_key: string;
  kind: string;
  repository_full_name: string;
  external_id: string;
  label: string;
  title: string;
  url: string;
  state: string;
  author: string | null;
  created_at: number | string;
  updated_at: number | string;
}

export interface GitHubDeliveriesTable {
  delivery_id: string;
  received_at: number | string;
}
