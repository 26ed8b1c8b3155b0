import type { GitHubStatusOptions, ProvidersOptions } from "@plugboard/server";
import type { DemoSimulators } from "./demo-simulators";
import { commentOnMention } from "./github-mentions";
import type { TrackerContext } from "./tracker/context";

/** The states a pull request moves an issue to: by name, or by category ("completed"). */
const statuses: GitHubStatusOptions = { opened: "In Review", merged: "completed" };

/**
 * OAuth providers for the demo. By default GitHub, Slack and Google Calendar are the simulators
 * the demo starts (see demo-simulators.ts), so Install, pull requests and webhooks work offline. With
 * PLUGBOARD_DEMO_SIMULATORS=0, GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET (and optionally
 * GITHUB_WEBHOOK_SECRET) configure a real GitHub OAuth app.
 */
export function demoProviders(
  simulators: DemoSimulators | null,
  tracker: TrackerContext,
  env: NodeJS.ProcessEnv = process.env,
): ProvidersOptions {
  const onIssueReference = commentOnMention(tracker);
  if (simulators) {
    return {
      github: { ...simulators.githubProvider, statuses, onIssueReference },
      slack: simulators.slackProvider,
      "google-calendar": simulators.googleProvider,
    };
  }
  if (!env.GITHUB_CLIENT_ID || !env.GITHUB_CLIENT_SECRET) return {};
  return {
    github: {
      clientId: env.GITHUB_CLIENT_ID,
      clientSecret: env.GITHUB_CLIENT_SECRET,
      ...(env.GITHUB_WEBHOOK_SECRET ? { webhookSecret: env.GITHUB_WEBHOOK_SECRET } : {}),
      statuses,
      onIssueReference,
    },
  };
}
