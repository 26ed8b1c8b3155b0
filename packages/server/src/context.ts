import type { CatalogEntry, Identity } from "@plugboard/core";
import type { ApiKeyService } from "./api-keys/verifier";
import type { Keyring } from "./crypto/keyring";
import type { HostClient } from "./host/host-client";
import type { GitHubRuntime, OAuthRuntime } from "./integrations/oauth/runtime";
import type { InstallationRecord } from "./integrations/store/types";
import type { JiraImportRuntime } from "./jira-import/runtime";
import type { JobWorker } from "./jobs/worker";
import type { Logger } from "./logger";
import type { SlackRuntime } from "./slack/runtime";
import type { SsoRuntime } from "./sso/runtime";
import type { Store } from "./stores/types";
import type { WebhooksRuntime } from "./webhooks/runtime";

/** What every route and background job works with; built once by `createPlugboard`. */
export interface PlugboardContext {
  store: Store;
  keyring: Keyring;
  catalog: readonly CatalogEntry[];
  logger: Logger;
  /** Epoch milliseconds; replaceable so tests can drive time. */
  now: () => number;
  /** Verifies keys and holds the per-instance cache that revocation must clear. */
  apiKeys: ApiKeyService;
  /** The mount path (`/api/plugboard`), for URLs the kit hands out (OAuth redirect URIs). */
  basePath: string;
  /** The most a route reads of a request body (413 beyond), whatever adapter is in front. */
  maxBodyBytes: number;
  oauth: OAuthRuntime;
  github: GitHubRuntime;
  /** Durable jobs: inbound provider work and housekeeping run on it. */
  worker: JobWorker;
  /** The host's tracker (issues, projects, users), its answers parsed. */
  host: HostClient;
  /** Outgoing webhooks: URL guard, publisher, delivery and the dispatcher. */
  webhooks: WebhooksRuntime;
  /** Per-organization SSO; its `options` throw a 404 when `sso` was not configured. */
  sso: SsoRuntime;
  /** Jira import, when the host configured `jiraImport`; its routes answer 404 otherwise. */
  jiraImport: JiraImportRuntime | null;
  /** Slack's base URL, slash command and how 429s are waited out. */
  slack: SlackRuntime;
  /** Every module's `beforeUninstall`, in order: what an uninstall runs before revoking. */
  beforeUninstall: (installation: InstallationRecord) => Promise<void>;
}

export type Authenticate = (request: Request) => Identity | null | Promise<Identity | null>;

// A registered symbol, so the /node entry (a separate bundle in CommonJS) finds the same key.
const contextKey = Symbol.for("@plugboard/server.context");

/** Keeps the context off the public object while the kit's own entries can still reach it. */
export function attachContext<T extends object>(plugboard: T, context: PlugboardContext): T {
  Object.defineProperty(plugboard, contextKey, { value: context, enumerable: false });
  return plugboard;
}

export function contextOf(plugboard: object): PlugboardContext {
  const context = (plugboard as { [contextKey]?: PlugboardContext })[contextKey];
  if (!context) throw new Error("Pass the object createPlugboard() returned");
  return context;
}
