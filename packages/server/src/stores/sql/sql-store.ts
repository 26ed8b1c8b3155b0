import type { Kysely } from "kysely";
import type { Store } from "../types";
import { sqlApiKeys } from "./api-keys";
import { sqlGitHub } from "./github";
import { sqlInstallations } from "./installations";
import { sqlOAuthStates } from "./oauth-states";
import { sqlRateLimits } from "./rate-limits";
import type { Database } from "./schema";
import { sqlWebhooks } from "./webhooks";

export interface SqlStoreOptions {
  /** Recognizes the driver's unique-constraint error, which becomes a `conflict`. */
  isUniqueViolation(error: unknown): boolean;
  /** Closes what the store opened; a pool the host passed in stays open. */
  close(): Promise<void>;
  /** Batch concurrent rate-limit hits into one transaction (see group-commit): SQLite. */
  groupCommits?: boolean;
}

/** One implementation over Kysely, one module per aggregate, shared by SQLite and PostgreSQL. */
export function sqlStore(db: Kysely<Database>, options: SqlStoreOptions): Store {
  return {
    installations: sqlInstallations(db, options),
    oauthStates: sqlOAuthStates(db),
    github: sqlGitHub(db, options),
    apiKeys: sqlApiKeys(db, options),
    rateLimits: sqlRateLimits(db, options),
    webhooks: sqlWebhooks(db, options),
    close: options.close,
  };
}
