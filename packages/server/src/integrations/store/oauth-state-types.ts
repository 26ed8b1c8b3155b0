import type { InstallationLevel } from "@plugboard/core";

/**
 * A started OAuth flow, waiting for its callback. `id` is the SHA-256 (hex) of the `state` sent
 * to the provider, so a leaked table does not let anyone finish someone else's flow.
 */
export interface OAuthStateRecord {
  id: string;
  provider: string;
  organizationId: string;
  userId: string;
  projectId: string | null;
  level: InstallationLevel;
  /** The host page's exact origin: the callback page posts its message there and nowhere else. */
  returnOrigin: string;
  /** Sent again with the token exchange, which must repeat it exactly. */
  redirectUri: string;
  /** Keyring ciphertext of the PKCE verifier, or null for providers without PKCE. */
  codeVerifier: string | null;
  createdAt: number;
  expiresAt: number;
}

export interface OAuthStateStore {
  create(record: OAuthStateRecord): Promise<void>;
  /**
   * Deletes the state and returns it, in one step: of two concurrent calls with the same id only
   * one gets the record, so a replayed callback always fails. Expired records are returned too
   * (the caller tells "expired" from "unknown").
   */
  consume(id: string): Promise<OAuthStateRecord | null>;
  /** Removes states that expired before `now`; how many were removed. */
  deleteExpired(now: number): Promise<number>;
}
