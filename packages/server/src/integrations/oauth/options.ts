import type { CatalogEntry } from "@plugboard/core";
import type { IssueReferenceEvent } from "../../github/hooks";
import { genericProvider } from "./providers/generic";
import type { GitHubOAuthOptions } from "./providers/github";
import { githubProvider } from "./providers/github";
import {
  type GoogleCalendarOAuthOptions,
  googleCalendarProvider,
} from "./providers/google-calendar";
import { type SlackOAuthOptions, slackProvider } from "./providers/slack";
import type { GenericOAuthOptions, OAuthClientOptions, OAuthProvider } from "./types";

/**
 * The workflow state to move a referenced issue to, by the state's name in the issue's project
 * ("In review", "Done") or by category ("completed"); undefined leaves the issue alone. Applied
 * through the host port (`host.issues.getByKey`, `host.workflowStates.list`, `host.issues.update`).
 */
export interface GitHubStatusOptions {
  opened?: string;
  merged?: string;
  closed?: string;
}

export interface GitHubProviderOptions extends GitHubOAuthOptions {
  /** The secret set on the GitHub webhook; without it the webhook receiver answers 404. */
  webhookSecret?: string;
  /**
   * Matches issue keys in PR titles, bodies, branch names and commit messages. Default
   * `/\b[A-Z][A-Z0-9]{1,9}-\d+\b/` (PLANE-123). A global flag is added if missing.
   */
  issueKeyPattern?: RegExp;
  /** Issue states to apply when a referencing PR opens, merges or closes unmerged. */
  statuses?: GitHubStatusOptions;
  /** Show the PR or commit on the issue. Errors are logged; the webhook still succeeds. */
  onIssueReference?: (event: IssueReferenceEvent) => void | Promise<void>;
  /**
   * How long webhook delivery ids are kept to spot redeliveries. Default 7 days: GitHub lets a
   * delivery be redelivered for 3 days. The worker prunes older ids hourly.
   */
  deliveryRetentionDays?: number;
}

export interface SlackProviderOptions extends SlackOAuthOptions {
  /**
   * The app's Signing Secret (Basic Information in the Slack app config): every request Slack
   * sends to `{base}/providers/slack/{events,commands,interactions}` is checked with it; without
   * it those receivers answer 404.
   */
  signingSecret?: string;
  /** The slash command as configured in the Slack app. Default `/plugboard`. */
  commandName?: string;
}

export interface ProvidersOptions {
  github?: GitHubProviderOptions;
  slack?: SlackProviderOptions;
  "google-calendar"?: GoogleCalendarOAuthOptions;
  /** Any other catalog entry with `auth: "oauth"`, described by its endpoints. */
  [provider: string]:
    | GitHubProviderOptions
    | SlackProviderOptions
    | GoogleCalendarOAuthOptions
    | OAuthClientOptions
    | GenericOAuthOptions
    | undefined;
}

export interface OAuthOptions {
  /**
   * The exact origins of pages allowed to start an install (the host app). The callback page posts
   * its result only to the origin the flow started from, and only if it is listed here. Default:
   * the origin the handler itself is served from.
   */
  appOrigins?: string[];
  /** How long a started install may take. Default 10 minutes. */
  stateTtlMs?: number;
}

function isGeneric(options: unknown): options is GenericOAuthOptions {
  return typeof options === "object" && options !== null && "type" in options;
}

/** Builds one OAuthProvider per configured provider, checked against the catalog at startup. */
export function createProviderRegistry(
  providers: ProvidersOptions,
  catalog: readonly CatalogEntry[],
  now: () => number,
): Map<string, OAuthProvider> {
  const registry = new Map<string, OAuthProvider>();
  for (const [id, options] of Object.entries(providers)) {
    if (!options) continue;
    const entry = catalog.find((candidate) => candidate.id === id);
    if (entry?.auth !== "oauth") {
      throw new Error(`providers.${id}: the catalog has no OAuth integration "${id}"`);
    }
    if (isGeneric(options)) {
      registry.set(id, genericProvider(id, options, entry.name, now));
    } else if (id === "github") {
      registry.set(id, githubProvider(options, now));
    } else if (id === "slack") {
      registry.set(id, slackProvider(options, now));
    } else if (id === "google-calendar") {
      registry.set(id, googleCalendarProvider(options, now));
    } else {
      throw new Error(
        `providers.${id}: describe it with { type: "oauth2", authorizationUrl, tokenUrl, scopes }`,
      );
    }
  }
  return registry;
}
