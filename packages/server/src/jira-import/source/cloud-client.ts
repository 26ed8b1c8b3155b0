import { PlugboardError } from "@plugboard/core";
import { toBase64 } from "../../crypto/encoding";

export interface JiraHttpOptions {
  fetch: typeof fetch;
  /** Waits between attempts; tests pass one that records the delay and resolves at once. */
  sleep: (ms: number) => Promise<void>;
  /** Retries of one request after 429 or 5xx. */
  maxRetries: number;
  /** Backoff for 5xx (and a 429 without Retry-After): base · 2^attempt. */
  retryBaseMs: number;
}

export interface JiraCredentials {
  siteUrl: string;
  email: string;
  apiToken: string;
}

export interface JiraSearchPage {
  issues: { id: string; key: string; fields: Record<string, unknown> }[];
  nextPageToken: string | null;
}

/** A request Jira refused for good (401, 400 …): retrying cannot help. */
export class JiraRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const longestRetryAfterMs = 120_000;

/**
 * Jira Cloud's REST API v3 over plain fetch (jira.js needs Node 22). Every call honours 429's
 * `Retry-After` and retries 5xx with backoff; the API token only ever leaves in the
 * Authorization header, never in an error message.
 */
export function jiraCloudClient(credentials: JiraCredentials, options: JiraHttpOptions) {
  // Not Buffer: the kit also runs in the browser (Storybook's mock server).
  const basic = new TextEncoder().encode(`${credentials.email}:${credentials.apiToken}`);
  const authorization = `Basic ${toBase64(basic)}`;
  const api = `${credentials.siteUrl}/rest/api/3`;

  async function request(path: string, init: { method?: string; body?: unknown } = {}) {
    const url = path.startsWith("http") ? path : `${api}${path}`;
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await options.fetch(url, {
          method: init.method ?? "GET",
          headers: {
            authorization,
            accept: "application/json",
            ...(init.body === undefined ? {} : { "content-type": "application/json" }),
          },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
          redirect: "error",
        });
      } catch (error) {
        if (attempt >= options.maxRetries) {
          throw new JiraRequestError(0, `Jira could not be reached (${(error as Error).message})`);
        }
        await options.sleep(options.retryBaseMs * 2 ** attempt);
        continue;
      }
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt >= options.maxRetries) {
        if (response.ok) return response;
        const detail = await errorText(response);
        throw new JiraRequestError(
          response.status,
          `Jira answered ${response.status} to ${init.method ?? "GET"} ${new URL(url).pathname}${detail ? `: ${detail}` : ""}`,
        );
      }
      await response.body?.cancel();
      await options.sleep(waitFor(response, attempt, options.retryBaseMs));
    }
  }

  const json = async <T>(path: string, init?: { method?: string; body?: unknown }) =>
    (await (await request(path, init)).json()) as T;

  return {
    myself: () =>
      json<{ accountId: string; displayName: string; emailAddress?: string; timeZone?: string }>(
        "/myself",
      ),
    projects: () => json<{ id: string; key: string; name: string }[]>("/project"),
    fields: () =>
      json<{ id: string; name: string; custom: boolean; schema?: { custom?: string } }[]>("/field"),
    /** Jira's search gives no total; this count is approximate by Atlassian's own word. */
    count: async (jql: string) =>
      (
        await json<{ count: number }>("/search/approximate-count", {
          method: "POST",
          body: { jql },
        })
      ).count,
    async search(
      jql: string,
      fields: string[],
      nextPageToken: string | null,
    ): Promise<JiraSearchPage> {
      const page = await json<{
        issues?: JiraSearchPage["issues"];
        nextPageToken?: string | null;
      }>("/search/jql", {
        method: "POST",
        body: { jql, fields, maxResults: 100, ...(nextPageToken ? { nextPageToken } : {}) },
      });
      return { issues: page.issues ?? [], nextPageToken: page.nextPageToken ?? null };
    },
    /** Every comment of an issue from `startAt`: advanced by what came back, which may be fewer. */
    async comments(issueId: string, startAt: number) {
      const all: unknown[] = [];
      let at = startAt;
      for (;;) {
        const page = await json<{ comments: unknown[]; total: number }>(
          `/issue/${encodeURIComponent(issueId)}/comment?startAt=${at}&maxResults=100`,
        );
        all.push(...page.comments);
        at += page.comments.length;
        if (page.comments.length === 0 || at >= page.total) return all;
      }
    },
    /** The attachment's bytes as a stream, for the host to take without buffering. */
    async content(url: string): Promise<ReadableStream<Uint8Array>> {
      const response = await request(url);
      if (!response.body)
        throw new JiraRequestError(502, "Jira sent an attachment without content");
      return response.body;
    },
  };
}

export type JiraCloudClient = ReturnType<typeof jiraCloudClient>;

function waitFor(response: Response, attempt: number, baseMs: number): number {
  const header = response.headers.get("retry-after");
  if (header !== null) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.min(Math.max(seconds, 0) * 1000, longestRetryAfterMs);
    const at = Date.parse(header);
    if (Number.isFinite(at)) return Math.min(Math.max(at - Date.now(), 0), longestRetryAfterMs);
  }
  return baseMs * 2 ** attempt;
}

async function errorText(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { errorMessages?: unknown } | null;
  const messages = Array.isArray(body?.errorMessages) ? body.errorMessages : [];
  return messages
    .filter((m) => typeof m === "string")
    .join(" ")
    .slice(0, 300);
}

/** Turns a refusal while connecting into the problem a person can act on. */
export function connectionProblem(error: unknown): PlugboardError {
  if (error instanceof JiraRequestError && (error.status === 401 || error.status === 403)) {
    return new PlugboardError({
      code: "validation_failed",
      detail: "Jira refused the email and API token",
      errors: [{ path: "apiToken", message: "Jira refused the email and API token" }],
    });
  }
  return new PlugboardError({
    code: "provider_error",
    detail: error instanceof Error ? error.message : "Jira could not be reached",
  });
}
