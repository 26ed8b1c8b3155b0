import type { Identity } from "@plugboard/core";
import {
  createGitHubSimulation,
  createGoogleSimulation,
  createJiraSimulation,
  createSlackSimulation,
  type GitHubSimulation,
  type GoogleSimulation,
  type JiraSimulation,
  type SlackSimulation,
} from "@plugboard/provider-simulators";
import {
  createKeyring,
  createPlugboard,
  generateEncryptionKey,
  memoryStore,
  type Plugboard,
  type Store,
  type WebhooksOptions,
} from "@plugboard/server";
import { seedAccountLinks } from "./account-link-fixtures";
import { seedApiKeys } from "./api-key-fixtures";
import { fixtureIdentities, fixtureInstallations } from "./fixtures";
import { type GoogleCalendarFixture, seedGoogleCalendar } from "./google-calendar-fixtures";
import { createJiraHost, fixtureJiraIssues } from "./jira-fixtures";
import { fixtureGitHubToken, seedOAuthFixtures } from "./oauth-fixtures";
import { fixtureSlackToken, type SlackFixture, seedSlackFixtures } from "./slack-fixtures";
import { seedSso } from "./sso-fixtures";
import { seedWebhooks } from "./webhook-fixtures";

export interface MockPlugboardOptions {
  /** Who every request is from; `null` makes every request unauthenticated (401). */
  identity?: Identity | null;
  /** Start with the fixtures (default) or with nothing installed. */
  fixtures?: "default" | "empty";
  basePath?: string;
  /** Webhook options, e.g. a `resolveHost` for tests on a machine without DNS. */
  webhooks?: WebhooksOptions;
  /** Slack installed (with prj_web's channel, or failing, or disconnected); default not installed. */
  slack?: SlackFixture;
  /** Seeds Ada's Google Calendar connection and its sync in that state (see `seedGoogleCalendar`). */
  googleCalendar?: GoogleCalendarFixture;
  /**
   * Jira import configured: a host tracker in memory, the simulated Jira Cloud (its msw handlers
   * come along) and a running job worker, so an import runs to its end in the page.
   */
  jira?: boolean;
  /** Seeds Slack and Google accounts linked to Ada and Grace (see `seedAccountLinks`). */
  accountLinks?: boolean;
}

export interface MockPlugboard {
  plugboard: Plugboard;
  store: Store;
  /** Resolves once the fixtures are in the store; the handler waits for it by itself. */
  ready: Promise<void>;
  handler: (request: Request) => Promise<Response>;
  /** The simulated GitHub the kit's GitHub provider talks to (its msw handlers come along). */
  github: GitHubSimulation;
  /** The simulated Slack (channels, messages) the kit's Slack app talks to. */
  slack: SlackSimulation;
  /** The simulated Google (OAuth and Calendar API) the kit's Google Calendar provider talks to. */
  google: GoogleSimulation;
  /** The simulated Jira Cloud; its handlers are in `mockPlugboardHandlers` when `jira` is on. */
  jira: JiraSimulation;
  /** The host tracker imports write to (when `jira` is on). */
  host: ReturnType<typeof createJiraHost>;
  /**
   * The DNS the kit's SSO domain proof reads: TXT records by name. Empty at first, so Verify
   * says the record is not there; `dns.set(txtRecord.name, [[txtRecord.value]])` publishes one.
   */
  dns: Map<string, string[][]>;
}

/** The real handler kit over a fresh memory store, seeded with the fixtures. */
export function createMockPlugboard(options: MockPlugboardOptions = {}): MockPlugboard {
  const store = memoryStore();
  const identity = options.identity === undefined ? fixtureIdentities.admin : options.identity;
  const github = createGitHubSimulation({ acceptedTokens: [fixtureGitHubToken] });
  const slack = createSlackSimulation({ acceptedTokens: [fixtureSlackToken] });
  const google = createGoogleSimulation({
    clientId: "mock-google-client",
    clientSecret: "mock-google-secret",
  });
  const jira = createJiraSimulation({ issues: fixtureJiraIssues });
  const host = createJiraHost();
  const encryption = { currentKeyId: "mock", keys: { mock: generateEncryptionKey() } };
  const dns = new Map<string, string[][]>();
  const plugboard = createPlugboard({
    store,
    authenticate: () => identity,
    encryption,
    apiKeys: { environment: "test" },
    providers: {
      github: { clientId: github.clientId, clientSecret: github.clientSecret },
      slack: { clientId: slack.clientId, clientSecret: slack.clientSecret },
      "google-calendar": { clientId: "mock-google-client", clientSecret: "mock-google-secret" },
    },
    // SSO with no IdP behind it: enough for the admin screens (connections, domains, tests).
    sso: {
      origin: () => globalThis.location?.origin ?? "http://localhost",
      onLogin: () => new Response("Signed in (mock)", { status: 200 }),
      resolveTxt: async (name) => {
        const records = dns.get(name);
        if (!records)
          throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: "ENOTFOUND" });
        return records;
      },
    },
    ...(options.basePath ? { basePath: options.basePath } : {}),
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    ...(options.jira ? { host: host.port, jiraImport: {} } : {}),
  });
  if (options.jira) plugboard.worker.start();
  const seed = options.fixtures === "empty" ? [] : fixtureInstallations;
  const ready = Promise.all(seed.map((record) => store.installations.create(record)))
    .then(() => (options.fixtures === "empty" ? undefined : seedApiKeys(store)))
    .then(() => (options.fixtures === "empty" ? undefined : seedOAuthFixtures(store, plugboard)))
    .then(() =>
      options.fixtures === "empty" ? undefined : seedWebhooks(store, createKeyring(encryption)),
    )
    .then(() =>
      options.fixtures === "empty" ? undefined : seedSso(store, createKeyring(encryption)),
    )
    .then(() => (options.slack ? seedSlackFixtures(store, plugboard, options.slack) : undefined))
    .then(() => (options.accountLinks ? seedAccountLinks(store) : undefined))
    .then(() =>
      options.googleCalendar
        ? seedGoogleCalendar(store, plugboard, google, options.googleCalendar)
        : undefined,
    )
    .then(() => undefined);
  return {
    plugboard,
    store,
    ready,
    github,
    slack,
    google,
    jira,
    host,
    dns,
    handler: async (request) => {
      await ready;
      return plugboard.handler(request);
    },
  };
}
