import type { AccountLinksStoreSlice } from "../account-links/store/slice";
import type { ApiKeysStoreSlice } from "../api-keys/store/slice";
import type { GitHubStoreSlice } from "../github/store/slice";
import type { GoogleCalendarStoreSlice } from "../google-calendar/store/slice";
import type { IntegrationsStoreSlice } from "../integrations/store/slice";
import type { JiraImportStoreSlice } from "../jira-import/store/slice";
import type { JobsStoreSlice } from "../jobs/slice";
import type { SlackStoreSlice } from "../slack/store/slice";
import type { SsoStoreSlice } from "../sso/store/slice";
import type { WebhooksStoreSlice } from "../webhooks/store/slice";

/**
 * All of Plugboard's persistent state: each feature's part (see its `store/slice.ts`), on one
 * backend. Built by `memoryStore()`, `sqliteStore()` or `postgresStore()` from the modules list.
 */
export type Store = IntegrationsStoreSlice &
  GitHubStoreSlice &
  ApiKeysStoreSlice &
  WebhooksStoreSlice &
  AccountLinksStoreSlice &
  JobsStoreSlice &
  SsoStoreSlice &
  JiraImportStoreSlice &
  SlackStoreSlice &
  GoogleCalendarStoreSlice & {
    /** Releases connections. The store is unusable afterwards. */
    close(): Promise<void>;
  };
