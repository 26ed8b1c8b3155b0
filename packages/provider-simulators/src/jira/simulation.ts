import { mswHandlers } from "../msw";
import { projectPage } from "./page";
import {
  attachmentBody,
  attachmentId,
  attachmentIssue,
  commentOf,
  issueIdOf,
  issueNumberOf,
  issueOf,
  type JiraSeedOptions,
  jiraFields,
  jiraPriorities,
  jiraSeed,
  jiraUsers,
} from "./seed";

export interface JiraSimulationOptions extends JiraSeedOptions {
  /** The site, `https://acme.atlassian.net`; the loopback server passes its origin. */
  baseUrl?: string;
  /** The account the API token belongs to (Basic auth `email:token`). */
  email?: string;
  apiToken?: string;
  /** `/comment` answers at most this many, whatever `maxResults` asks (Jira may). Default 7. */
  commentPageCap?: number;
}

interface Fault {
  status: number;
  retryAfterSeconds?: number;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });
const errors = (status: number, message: string) =>
  json({ errorMessages: [message], errors: {} }, status);

/**
 * Jira Cloud's REST API v3, as far as an importer uses it: Basic auth with an API token,
 * `/myself`, `/project`, `/field`, `POST /search/jql` (bare `{id}` unless fields are asked,
 * at most 100 a page, `nextPageToken`, no total), `/search/approximate-count`, paged comments that
 * may come back shorter than asked, attachment metadata (numeric ids) and content. Faults on
 * demand: `rateLimitNext` (429 + Retry-After) and `failNext` (5xx). One Web handler for msw or
 * a loopback server (`startJiraSimulator`), with a page listing the project at `/`.
 */
export function createJiraSimulation(options: JiraSimulationOptions = {}) {
  const base = (options.baseUrl ?? "https://acme.atlassian.net").replace(/\/+$/, "");
  const email = options.email ?? "ada@example.com";
  const apiToken = options.apiToken ?? "jira-test-api-token";
  const commentPageCap = options.commentPageCap ?? 7;
  const seed = jiraSeed(options);
  const faults: Fault[] = [];
  const edits = new Map<number, Record<string, unknown>>();
  const me = jiraUsers[0];

  const state = {
    baseUrl: base,
    email,
    apiToken,
    seed,
    /** API requests answered (faults included), by path: what a test counts. */
    requests: [] as { method: string; path: string; status: number }[],
    /** The next `count` API calls answer 429 with `Retry-After: seconds`. */
    rateLimitNext(count: number, retryAfterSeconds = 1) {
      for (let i = 0; i < count; i += 1) faults.push({ status: 429, retryAfterSeconds });
    },
    /** The next `count` API calls answer `status` (a 5xx). */
    failNext(count: number, status = 503) {
      for (let i = 0; i < count; i += 1) faults.push({ status });
    },
    /** Changes fields of issue n (1-based), as a person editing it in Jira; `updated` moves on. */
    editIssue(n: number, fields: Record<string, unknown>) {
      edits.set(n, { ...edits.get(n), ...fields });
    },
    issue: (n: number) => issueOf(seed, n, base, edits.get(n)),
    handle,
    handlers: [] as ReturnType<typeof mswHandlers>,
  };
  state.handlers = mswHandlers(handle, [base]);

  function authorized(request: Request): boolean {
    const basic = request.headers.get("authorization")?.match(/^Basic (.+)$/)?.[1];
    if (!basic) return false;
    const decoded = atob(basic);
    const colon = decoded.indexOf(":");
    return decoded.slice(0, colon) === email && decoded.slice(colon + 1) === apiToken;
  }

  /** `project = KEY` (or `project in (KEY)`), optionally `AND updated >= "2026-01-01 10:00"`. */
  function matcher(jql: string): ((n: number) => boolean) | string {
    const project = /project\s*(?:=|in\s*\()\s*"?([A-Z][A-Z0-9]*)"?\)?/i.exec(jql)?.[1];
    if (!project) return "The JQL query must name a project.";
    if (project.toUpperCase() !== seed.project.key) {
      return `The value '${project}' does not exist for the field 'project'.`;
    }
    const since = /updated\s*>=\s*"(\d{4}-\d{2}-\d{2} \d{2}:\d{2})"/i.exec(jql)?.[1];
    if (!since) return () => true;
    // JQL date literals are in the user's zone (here UTC+1) at minute precision.
    const from = Date.parse(`${since.replace(" ", "T")}:00+01:00`);
    return (n) => Date.parse(fixOffset(String(state.issue(n).fields.updated))) >= from;
  }

  function pick(issue: ReturnType<typeof issueOf>, fields: string[]) {
    if (fields.length === 0) return { id: issue.id };
    if (fields.includes("*all") || fields.includes("*navigable")) return issue;
    const chosen: Record<string, unknown> = {};
    for (const field of fields) {
      if (field in issue.fields) chosen[field] = issue.fields[field];
    }
    return { id: issue.id, key: issue.key, self: issue.self, fields: chosen };
  }

  async function search(request: Request): Promise<Response> {
    const body = (await request.json().catch(() => null)) as {
      jql?: string;
      fields?: string[];
      maxResults?: number;
      nextPageToken?: string | null;
    } | null;
    if (!body?.jql) return errors(400, "A JQL query is required.");
    const match = matcher(body.jql);
    if (typeof match === "string") return errors(400, match);
    const limit = Math.min(Math.max(body.maxResults ?? 50, 1), 100);
    let n = body.nextPageToken ? Number(atob(body.nextPageToken)) : 1;
    if (!Number.isInteger(n) || n < 1) return errors(400, "The nextPageToken is invalid.");
    const issues: unknown[] = [];
    while (n <= seed.issueCount && issues.length < limit) {
      if (match(n)) issues.push(pick(state.issue(n), body.fields ?? []));
      n += 1;
    }
    const isLast = n > seed.issueCount;
    return json({ issues, ...(isLast ? {} : { nextPageToken: btoa(String(n)) }), isLast });
  }

  async function count(request: Request): Promise<Response> {
    const body = (await request.json().catch(() => null)) as { jql?: string } | null;
    const match = matcher(body?.jql ?? "");
    if (typeof match === "string") return errors(400, match);
    let total = 0;
    for (let n = 1; n <= seed.issueCount; n += 1) if (match(n)) total += 1;
    return json({ count: total });
  }

  function comments(idOrKey: string, url: URL): Response {
    const n = idOrKey.includes("-") ? Number(idOrKey.split("-")[1]) : issueNumberOf(idOrKey);
    if (!(n >= 1 && n <= seed.issueCount)) return errors(404, "Issue does not exist.");
    const total = seed.commentsOf(n);
    const startAt = Math.max(Number(url.searchParams.get("startAt") ?? 0), 0);
    const asked = Math.min(Number(url.searchParams.get("maxResults") ?? 50), 100);
    const size = Math.max(0, Math.min(asked, commentPageCap, total - startAt));
    return json({
      startAt,
      maxResults: asked,
      total,
      comments: Array.from({ length: size }, (_, i) => commentOf(n, startAt + i)),
    });
  }

  async function api(request: Request, path: string, url: URL): Promise<Response> {
    if (!authorized(request))
      return errors(401, "Client must be authenticated to access this resource.");
    const fault = faults.shift();
    if (fault) {
      return fault.status === 429
        ? json({ errorMessages: ["Rate limit exceeded."] }, 429, {
            "retry-after": String(fault.retryAfterSeconds ?? 1),
          })
        : errors(fault.status, "Service unavailable");
    }
    const method = request.method;
    if (method === "GET" && path === "/myself") {
      return json({ ...me, timeZone: "Europe/Paris", locale: "en_US" });
    }
    if (method === "GET" && path === "/project") return json([seed.project]);
    if (method === "GET" && path === "/field") return json(jiraFields);
    if (method === "GET" && path === "/priority") return json(jiraPriorities);
    if (method === "POST" && path === "/search/jql") return search(request);
    if (method === "POST" && path === "/search/approximate-count") return count(request);
    const comment = /^\/issue\/([^/]+)\/comment$/.exec(path);
    if (method === "GET" && comment) return comments(comment[1] as string, url);
    if (method === "GET" && path === `/attachment/${attachmentId}`) {
      const issue = state.issue(attachmentIssue);
      const [meta] = issue.fields.attachment as { size: number; content: string }[];
      // Metadata carries the id as a number, issue fields as a string.
      return json({ ...meta, id: Number(attachmentId) });
    }
    if (method === "GET" && path === `/attachment/content/${attachmentId}`) {
      return new Response(attachmentBody, { headers: { "content-type": "text/csv" } });
    }
    return errors(404, "Not found");
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const prefix = "/rest/api/3";
    if (url.pathname.startsWith(`${prefix}/`)) {
      const path = url.pathname.slice(prefix.length);
      const response = await api(request, path, url);
      state.requests.push({ method: request.method, path, status: response.status });
      return response;
    }
    if (request.method === "GET" && (url.pathname === "/" || url.pathname === "/browse")) {
      return projectPage(base, seed, state.issue);
    }
    const browse = /^\/browse\/([A-Z]+-\d+)$/.exec(url.pathname);
    if (request.method === "GET" && browse) {
      return projectPage(base, seed, state.issue, Number(browse[1]?.split("-")[1]));
    }
    return errors(404, "Not found");
  }

  return state;
}

/** Jira writes offsets as `+0100`; `Date.parse` wants `+01:00`. */
export function fixOffset(value: string): string {
  return value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
}

export type JiraSimulation = ReturnType<typeof createJiraSimulation>;
export { issueIdOf };
