/** A provider user linked to a host user in one organization. Times are epoch milliseconds. */
export interface AccountLinkRecord {
  id: string;
  organizationId: string;
  provider: string;
  externalUserId: string;
  /** The workspace or account the provider user belongs to (Slack team), when the provider has one. */
  externalAccountId: string | null;
  externalUserName: string | null;
  userId: string;
  createdAt: number;
}

/**
 * An offer to link a provider user, sent to that user as a link. `id` is the SHA-256 of the
 * token in the link: a leaked table links nobody.
 */
export interface AccountLinkIntentRecord {
  id: string;
  organizationId: string;
  provider: string;
  externalUserId: string;
  externalAccountId: string | null;
  externalUserName: string | null;
  expiresAt: number;
}

export interface AccountLinkStore {
  /**
   * Links the provider user, replacing an earlier link of the same provider user in the
   * organization (one host user per provider user).
   */
  upsert(record: AccountLinkRecord): Promise<AccountLinkRecord>;
  find(
    organizationId: string,
    provider: string,
    externalUserId: string,
  ): Promise<AccountLinkRecord | null>;
  /** Oldest first; one user's links, or the whole organization's when `userId` is omitted. */
  list(organizationId: string, userId?: string): Promise<AccountLinkRecord[]>;
  get(organizationId: string, id: string): Promise<AccountLinkRecord | null>;
  delete(organizationId: string, id: string): Promise<boolean>;
  createIntent(record: AccountLinkIntentRecord): Promise<void>;
  /** Deletes and returns the intent in one step: a link is confirmed once, whoever races. */
  consumeIntent(id: string): Promise<AccountLinkIntentRecord | null>;
  /** Returns the intent without using it up (the confirmation page shows whom it links). */
  peekIntent(id: string): Promise<AccountLinkIntentRecord | null>;
  deleteExpiredIntents(now: number): Promise<number>;
}
