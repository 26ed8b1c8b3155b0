import type { Kysely } from "kysely";
import { sqlApiKeys } from "../../api-keys/store/sql";
import { sqlRateLimits } from "../../api-keys/store/sql-rate-limits";
import { sqlGitHub } from "../../github/store/sql";
import { sqlInstallations } from "../../integrations/store/sql-installations";
import { sqlOAuthStates } from "../../integrations/store/sql-oauth-states";
import { sqlWebhooks } from "../../webhooks/store/sql";
import type { Store } from "../types";
import type { Database } from "./schema";

export interface SqlStoreOptions {
  /** Recognizes the driver's unique-constraint error, which becomes a `conflict`. */
  isUniqueViolation(error: unknown): boolean;
  /** Closes what the store opened; a pool the host passed in stays open. */
  close(): Promise<void>;
  /** Batch concurrent delivery writes into one transaction (see group-commit): SQLite. */
  groupCommits?: boolean;
}

/** One implementation over Kysely, one module per aggregate, shared by SQLite and PostgreSQL. */
export function sqlStore(db: Kysely<Database>, options: SqlStoreOptions): Store {
  return {
    installations: sqlInstallations(db, options),
    oauthStates: sqlOAuthStates(db),
    github: sqlGitHub(db, options),
    apiKeys: sqlApiKeys(db, options),
    rateLimits: sqlRateLimits(db),
    webhooks: sqlWebhooks(db, options),
    close: options.close,
  };
}
