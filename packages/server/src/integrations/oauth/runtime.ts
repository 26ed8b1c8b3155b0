import type { CatalogEntry } from "@plugboard/core";
import {
  createProviderRegistry,
  type GitHubProviderOptions,
  type OAuthOptions,
  type ProvidersOptions,
} from "./options";
import type { OAuthProvider } from "./types";

const defaultIssueKeyPattern = /\b[A-Z][A-Z0-9]{1,9}-\d+\b/g;

/** OAuth and provider state shared by the routes; built once by `createPlugboard`. */
export interface OAuthRuntime {
  providers: Map<string, OAuthProvider>;
  /** Null: only the handler's own origin may start an install. */
  appOrigins: string[] | null;
  stateTtlMs: number;
  /** Token refreshes in flight, by installation id, so concurrent callers share one. */
  refreshes: Map<string, Promise<string>>;
}

export interface GitHubRuntime {
  options: GitHubProviderOptions | null;
  issueKeyPattern: RegExp;
  /** How long delivery ids are remembered (the `plugboard.github.prune-deliveries` schedule). */
  deliveries: { retentionMs: number };
}

export function createOAuthRuntime(
  providers: ProvidersOptions,
  oauth: OAuthOptions,
  catalog: readonly CatalogEntry[],
  now: () => number,
): OAuthRuntime {
  return {
    providers: createProviderRegistry(providers, catalog, now),
    appOrigins: oauth.appOrigins ? oauth.appOrigins.map((origin) => new URL(origin).origin) : null,
    stateTtlMs: oauth.stateTtlMs ?? 10 * 60 * 1000,
    refreshes: new Map(),
  };
}

export function createGitHubRuntime(options: GitHubProviderOptions | undefined): GitHubRuntime {
  const pattern = options?.issueKeyPattern ?? defaultIssueKeyPattern;
  const retentionDays = options?.deliveryRetentionDays ?? 7;
  if (!(retentionDays > 0 && Number.isFinite(retentionDays))) {
    throw new Error("providers.github.deliveryRetentionDays must be a positive number of days");
  }
  return {
    options: options ?? null,
    issueKeyPattern: pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`),
    deliveries: { retentionMs: retentionDays * 24 * 60 * 60 * 1000 },
  };
}
