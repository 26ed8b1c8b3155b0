import {
  type CatalogEntry,
  identitySchema,
  integrationCatalog,
  PlugboardError,
} from "@plugboard/core";
import { createPlugboardApiKeys, type PlugboardApiKeys } from "./api-keys/api";
import { type ApiKeysOptions, resolveApiKeysOptions } from "./api-keys/options";
import { createApiKeyService } from "./api-keys/verifier";
import { type Authenticate, attachContext, type PlugboardContext } from "./context";
import { createKeyring, type KeyringOptions } from "./crypto/keyring";
import { requireHostCapabilities } from "./host/capabilities";
import { createHostClient } from "./host/host-client";
import type { HostPort } from "./host/port";
import { defaultMaxBodyBytes } from "./http/body";
import { refuseNul } from "./http/nul";
import { problemResponse } from "./http/responses";
import { createRouter } from "./http/router";
import type { OAuthOptions, ProvidersOptions } from "./integrations/oauth/options";
import { createGitHubRuntime, createOAuthRuntime } from "./integrations/oauth/runtime";
import { type JiraImportOptions, resolveJiraImportOptions } from "./jira-import/options";
import { createJiraImportRuntime, jiraImportJob } from "./jira-import/runtime";
import { scheduleHousekeeping } from "./jobs/housekeeping";
import { type JobsOptions, resolveJobsOptions } from "./jobs/options";
import { createWorker, type JobWorker } from "./jobs/worker";
import { consoleLogger, type Logger } from "./logger";
import { routesOf } from "./module";
import { builtinModules } from "./modules";
import { validateOptions } from "./options/validate-options";
import { createSlackRuntime } from "./slack/runtime";
import type { SsoOptions } from "./sso/options";
import { policyFor, type SsoPolicyDecision } from "./sso/policy";
import { createSsoRuntime } from "./sso/runtime";
import type { Store } from "./stores/types";
import type { Dispatcher } from "./webhooks/dispatcher";
import type { WebhooksOptions } from "./webhooks/options";
import type { Publish } from "./webhooks/publish";
import { createWebhooksRuntime } from "./webhooks/runtime";

export interface PlugboardOptions {
  store: Store;
  /** The host's identity: who is calling and for which organization, or null (answered 401). */
  authenticate: Authenticate;
  /** Encrypts recoverable secrets at rest. Generate keys with `generateEncryptionKey()`. */
  encryption: KeyringOptions;
  /** Where the handler is mounted. Default `/api/plugboard`. */
  basePath?: string;
  /**
   * The largest request body the handler reads, in bytes; larger ones are answered 413. Default
   * 1 MiB. Enforced by the handler itself, so it holds when mounted without the Node adapter.
   */
  maxBodyBytes?: number;
  /** The integrations offered. Default: every built-in entry. */
  catalog?: readonly CatalogEntry[];
  logger?: Logger;
  /** Epoch milliseconds. Tests pass a fake clock. */
  now?: () => number;
  /** OAuth apps for GitHub, Slack, Google Calendar, or your own providers (`type: "oauth2"`). */
  providers?: ProvidersOptions;
  /** Which host pages may start an install, and how long they have. */
  oauth?: OAuthOptions;
  /**
   * The host's own tracker: issues, comments, projects, workflow states, users. Features that
   * change issues (GitHub status sync, Slack, calendar sync, Jira import) go through it; a
   * configured feature whose capabilities are missing fails here, naming them.
   */
  host?: HostPort;
  /** Key prefix and environment, default rate limit, cache bound, shared limiter, retention. */
  apiKeys?: ApiKeysOptions;
  /** Outgoing webhooks: SSRF guard (http, allowed addresses, resolver), fetch, retries, limits. */
  webhooks?: WebhooksOptions;
  /** Durable jobs: concurrency, leases, retries and backoff, how long finished jobs are kept. */
  jobs?: JobsOptions;
  /**
   * Per-organization SSO (SAML and OIDC): `onLogin` signs the user in with the host's own
   * session; `origin` is the public origin the IdP sends people back to.
   */
  sso?: SsoOptions;
  /**
   * Turns on Jira import (Cloud or CSV) into the host's tracker; needs the host port's issue,
   * comment, project and workflow-state capabilities (cycles, attachments and users when given).
   */
  jiraImport?: JiraImportOptions;
}

export interface Plugboard {
  /** Serves the whole API: `(request: Request) => Promise<Response>`. */
  handler: (request: Request) => Promise<Response>;
  basePath: string;
  /** Verify Plugboard API keys in the host's own routes: `verify` and `guard`. */
  apiKeys: PlugboardApiKeys;
  /** Publish events to the organization's webhook endpoints (written to the outbox, then returns). */
  events: { publish: Publish };
  /** Delivers the outbox: `start()`/`stop()` in a long-running process, `runDue()` from a cron. */
  dispatcher: Dispatcher;
  /** Runs jobs and schedules (Plugboard's housekeeping too): `start()`/`stop()`, or `runDue()` from a cron. */
  worker: JobWorker;
  /** Whether an email must sign in with SSO (`policyFor`), for the host's own sign-in page. */
  sso: { policyFor(email: string): Promise<SsoPolicyDecision> };
}

export function createPlugboard(options: PlugboardOptions): Plugboard {
  validateOptions(options);
  const basePath = normalizeBasePath(options.basePath ?? "/api/plugboard");
  const catalog = options.catalog ?? integrationCatalog;
  const now = options.now ?? Date.now;
  const keyring = createKeyring(options.encryption);
  const logger = options.logger ?? consoleLogger;
  const statuses = options.providers?.github?.statuses;
  if (statuses && Object.values(statuses).some((status) => status !== undefined)) {
    requireHostCapabilities(options.host, "providers.github.statuses", [
      "issues.getByKey",
      "workflowStates.list",
      "issues.update",
    ]);
  }
  if (options.jiraImport) {
    requireHostCapabilities(options.host, "jiraImport", [
      "issues.create",
      "issues.update",
      "issues.findByExternalId",
      "comments.create",
      "projects.list",
      "workflowStates.list",
    ]);
  }
  if (options.providers?.slack?.signingSecret) {
    requireHostCapabilities(options.host, "providers.slack", [
      "issues.create",
      "issues.update",
      "issues.getByKey",
      "issues.search",
      "projects.list",
    ]);
  }
  const jobsOptions = resolveJobsOptions(options.jobs);
  const worker = createWorker({ store: options.store, logger, now, options: jobsOptions });
  const context: PlugboardContext = {
    worker,
    store: options.store,
    keyring,
    catalog,
    logger,
    now,
    basePath,
    maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes,
    oauth: createOAuthRuntime(options.providers ?? {}, options.oauth ?? {}, catalog, now),
    github: createGitHubRuntime(options.providers?.github),
    host: createHostClient(options.host),
    apiKeys: createApiKeyService({
      store: options.store,
      logger,
      now,
      options: resolveApiKeysOptions(options.apiKeys),
    }),
    slack: createSlackRuntime(options.providers?.slack),
    webhooks: createWebhooksRuntime({
      store: options.store,
      keyring,
      logger,
      now,
      options: options.webhooks,
    }),
    sso: createSsoRuntime(options.sso, now),
    jiraImport: null,
    async beforeUninstall(installation) {
      for (const module of builtinModules) await module.beforeUninstall?.(context, installation);
    },
  };
  if (options.jiraImport) {
    const jiraImport = createJiraImportRuntime({
      store: options.store.jiraImport,
      keyring,
      host: context.host,
      worker,
      logger,
      now,
      options: resolveJiraImportOptions(options.jiraImport),
    });
    context.jiraImport = jiraImport;
    worker.handle(jiraImportJob, ({ runId }, run) => jiraImport.handle(runId, run.lastAttempt));
  }
  const match = createRouter(routesOf(builtinModules));
  for (const receiver of builtinModules.flatMap((module) => module.inbound ?? [])) {
    worker.handle(receiver.job, (payload) => receiver.process(context, payload));
  }
  scheduleHousekeeping(worker, context, jobsOptions);
  for (const module of builtinModules) module.setup?.(context, options);
  const subscribers = builtinModules.flatMap((module) => (module.onEvent ? [module.onEvent] : []));
  // The host publishes once: webhook endpoints get it from the outbox, features (Slack
  // channels, calendar sync) queue their own work for it.
  const publish: Publish = async (input) => {
    const result = await context.webhooks.publish(input);
    if (!result.duplicate) {
      const event = {
        eventId: result.eventId,
        organizationId: input.organizationId,
        projectId: input.projectId ?? null,
        type: input.type,
        data: input.data as Record<string, unknown>,
      };
      for (const subscriber of subscribers) await subscriber(context, event);
    }
    return result;
  };

  async function dispatch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const { pathname } = url;
    if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) {
      throw new PlugboardError({
        code: "not_found",
        detail: `Plugboard is mounted at ${basePath}`,
      });
    }
    const found = match(request.method, pathname.slice(basePath.length));
    if (found.kind === "not_found") {
      throw new PlugboardError({ code: "not_found", detail: "No such endpoint" });
    }
    if (found.kind === "method_not_allowed") {
      return problemResponse(
        new PlugboardError({
          code: "method_not_allowed",
          detail: `Use ${found.allow.join(" or ")}`,
        }),
        { allow: found.allow.join(", ") },
      );
    }
    const { route, params } = found;
    refuseNul("path", Object.values(params));
    refuseNul("query string", url.searchParams.values());
    if (route.auth !== "required") {
      // Webhooks are authenticated by their signature, OAuth callbacks by their one-time state.
      const caller =
        route.auth === "optional" ? await optionalIdentity(options.authenticate, request) : null;
      return route.handle({ request, params, identity: caller, context });
    }
    const identity = await authenticateRequest(options.authenticate, request);
    if (route.role === "admin" && identity.role !== "admin") {
      throw new PlugboardError({ code: "forbidden", detail: "Only admins can do this" });
    }
    return route.handle({ request, params, identity, context });
  }

  const plugboard: Plugboard = {
    basePath,
    apiKeys: createPlugboardApiKeys(context),
    events: { publish },
    dispatcher: context.webhooks.dispatcher,
    worker,
    sso: { policyFor: (email) => policyFor(context, email) },
    async handler(request) {
      try {
        return await dispatch(request);
      } catch (error) {
        if (error instanceof PlugboardError) return problemResponse(error);
        // Only the message and the route: bodies and headers can hold secrets.
        context.logger.error("Unhandled error while serving a request", {
          method: request.method,
          path: new URL(request.url).pathname,
          error: error instanceof Error ? error.message : String(error),
        });
        return problemResponse(
          new PlugboardError({
            code: "internal_error",
            detail: "Something went wrong on our side",
          }),
        );
      }
    },
  };
  return attachContext(plugboard, context);
}

async function authenticateRequest(authenticate: Authenticate, request: Request) {
  const identity = await optionalIdentity(authenticate, request);
  if (identity === null) {
    throw new PlugboardError({ code: "unauthenticated", detail: "Sign in to continue" });
  }
  return identity;
}

async function optionalIdentity(authenticate: Authenticate, request: Request) {
  const result = await authenticate(request);
  if (result === null) return null;
  // The host's callback is a boundary too: a malformed identity is a host bug worth a clear error.
  const parsed = identitySchema.safeParse(result);
  if (!parsed.success) {
    throw new Error(`authenticate() returned an invalid identity: ${parsed.error.message}`);
  }
  return parsed.data;
}

function normalizeBasePath(path: string): string {
  const trimmed = `/${path.replace(/^\/+|\/+$/g, "")}`;
  return trimmed === "/" ? "" : trimmed;
}
