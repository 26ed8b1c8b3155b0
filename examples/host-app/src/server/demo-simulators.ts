import { randomBytes } from "node:crypto";
import { simulatedRepository } from "@plugboard/provider-simulators";
import {
  startGitHubSimulator,
  startGoogleSimulator,
  startJiraSimulator,
  startOidcIdp,
  startPumbleSimulator,
  startSamlIdp,
  startSlackSimulator,
} from "@plugboard/provider-simulators/node";
import type { GitHubProviderOptions } from "@plugboard/server";

const port = (value: string | undefined) => (value ? Number(value) : 0);

/**
 * The third parties the demo talks to, as loopback servers, so every flow works offline: GitHub
 * (OAuth with a consent page, the REST calls Plugboard makes, pull requests to open and merge,
 * signed webhooks), Slack and Google (their OAuth consent and token endpoints), Jira Cloud (a
 * seeded project to import) and a Pumble channel with an incoming webhook. Each takes a free port
 * unless GITHUB_SIMULATOR_PORT, SLACK_SIMULATOR_PORT, GOOGLE_SIMULATOR_PORT, JIRA_SIMULATOR_PORT
 * or PUMBLE_SIMULATOR_PORT is set.
 */
export async function startDemoSimulators(env: NodeJS.ProcessEnv = process.env) {
  const github = await startGitHubSimulator({
    port: port(env.GITHUB_SIMULATOR_PORT),
    clientId: "plugboard-demo",
    clientSecret: "plugboard-demo-secret",
    login: "acme-demo",
    repositories: [
      simulatedRepository(9001, "acme/web"),
      simulatedRepository(9002, "acme/api", true),
      { ...simulatedRepository(9003, "acme/mobile", true), default_branch: "develop" },
    ],
  });
  const slack = await startSlackSimulator({ port: port(env.SLACK_SIMULATOR_PORT) });
  const google = await startGoogleSimulator({ port: port(env.GOOGLE_SIMULATOR_PORT) });
  // Project ORB, 60 issues: enough to watch the import's progress, quick to import offline.
  const jira = await startJiraSimulator({ port: port(env.JIRA_SIMULATOR_PORT), issues: 60 });
  // Pumble's incoming webhook, on https as a simulated.pumble.com name only this demo resolves.
  const pumble = await startPumbleSimulator({ port: port(env.PUMBLE_SIMULATOR_PORT) });
  // Identity providers for SSO: sign in there as alice@acme.test (any password).
  const people = { "alice@acme.test": { name: "Alice Liddell", groups: ["engineering"] } };
  const samlIdp = await startSamlIdp({ port: port(env.SAML_IDP_PORT), users: people });
  const oidcIdp = await startOidcIdp({ port: port(env.OIDC_IDP_PORT), clients: [], users: people });
  const oidcClient = { clientId: "plugboard-demo", clientSecret: "plugboard-demo-oidc-secret" };
  // A fresh secret each start: the simulator and Plugboard are the only ones who know it.
  const webhookSecret = randomBytes(24).toString("base64url");
  let notificationsUrl: string | null = null;
  const providerOptions: GitHubProviderOptions = {
    clientId: github.simulation.clientId,
    clientSecret: github.simulation.clientSecret,
    baseUrl: github.simulation.baseUrl,
    apiBaseUrl: github.simulation.apiBaseUrl,
    webhookSecret,
  };
  return {
    github,
    slack,
    google,
    jira,
    /**
     * `jiraImport` for createPlugboard: the simulator is plain http on loopback. A production
     * host keeps the default (https only: the API token would otherwise cross in the clear).
     */
    jiraImport: { allowInsecureHttp: true },
    pumble,
    /**
     * `webhooks` options for createPlugboard that let Plugboard reach the simulated Pumble: its
     * host name resolves to loopback (which the demo's `allowAddresses` admits, nothing else
     * does) and its certificate is trusted. Other names resolve with `resolveHost`.
     */
    pumbleWebhooks(resolveHost: (hostname: string) => Promise<string[]>) {
      return {
        resolveHost: (hostname: string) =>
          hostname === pumble.hostname
            ? Promise.resolve([pumble.address.address])
            : resolveHost(hostname),
        trustedCertificates: [pumble.certificate],
      };
    },
    /** `providers.github` for createPlugboard, pointed at the simulator. */
    githubProvider: providerOptions,
    /** `providers.slack`, pointed at the Slack simulator. */
    slackProvider: {
      clientId: slack.simulation.clientId,
      clientSecret: slack.simulation.clientSecret,
      baseUrl: slack.origin,
      // The simulator signs the channel page's commands and button presses with it.
      signingSecret: slack.simulation.workspace.signingSecret,
    },
    /**
     * `providers["google-calendar"]`: one loopback origin serves Google's hosts and the Calendar
     * API; Google's pushes go to the app once it listens (see `connect`).
     */
    googleProvider: {
      clientId: google.simulation.clientId,
      clientSecret: google.simulation.clientSecret,
      baseUrls: {
        accounts: google.origin,
        oauth2: google.origin,
        openId: google.origin,
        calendar: `${google.origin}/calendar/v3`,
      },
      sync: {
        notificationsUrl: () =>
          notificationsUrl
            ? `${notificationsUrl}/providers/google-calendar/notifications`
            : undefined,
        pollEveryMs: 30_000,
      },
    },
    samlIdp,
    oidcIdp,
    /** The client the OIDC IdP knows the app as (its redirect URI is registered on `connect`). */
    oidcClient,
    /**
     * Once the app listens: GitHub's webhook for every repository points at its receiver, and
     * the OIDC IdP learns the app's callback URL.
     */
    connect(plugboardUrl: string) {
      oidcIdp.addClient({ ...oidcClient, redirectUris: [`${plugboardUrl}/sso/oidc/callback`] });
      notificationsUrl = plugboardUrl;
      github.simulation.addWebhook({
        url: `${plugboardUrl}/providers/github/webhook`,
        secret: webhookSecret,
      });
      slack.simulation.appUrl = plugboardUrl;
    },
    urls: () => ({
      "GitHub (simulated)": github.origin,
      "Slack (simulated)": `${slack.origin}/simulator/channels/C0GENERAL`,
      "Google (simulated)": google.origin,
      "SAML IdP metadata (simulated)": samlIdp.metadataUrl,
      "OIDC issuer (simulated)": oidcIdp.issuer,
      "Google Calendar week (simulated)": `${google.origin}/calendar/week`,
      // Connect with email ada@example.com and API token jira-test-api-token.
      "Jira Cloud (simulated)": jira.origin,
      "Pumble channel (simulated)": pumble.channelUrl,
      "Pumble incoming webhook URL (simulated)": pumble.simulation.webhookUrl,
    }),
    close: () =>
      Promise.all([
        github.close(),
        slack.close(),
        google.close(),
        jira.close(),
        pumble.close(),
        samlIdp.close(),
        oidcIdp.close(),
      ]),
  };
}

export type DemoSimulators = Awaited<ReturnType<typeof startDemoSimulators>>;
