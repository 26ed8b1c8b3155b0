export interface AccountLinksTable {
  id: string;
  organization_id: string;
  provider: string;
  external_user_id: string;
  external_account_id: string | null;
  external_user_name: string | null;
  user_id: string;
  created_at: number | string;
}

export interface AccountLinkIntentsTable {
  id: string;
  organization_id: string;
  provider: string;
  external_user_id: string;
  external_account_id: string | null;
  external_user_name: string | null;
  expires_at: number | string;
}
