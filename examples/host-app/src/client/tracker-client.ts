import {
  type HostComment,
  type HostIssue,
  hostCommentSchema,
  hostIssueSchema,
  PlugboardError,
  problemSchema,
} from "@plugboard/core";
import type { z } from "zod";
import {
  type CreateIssueBody,
  type IssueChangesBody,
  issueDetailSchema,
  issueListSchema,
  trackerSessionSchema,
} from "../shared/tracker-api";

/** Calls the demo tracker's JSON API as the signed-in demo user (the cookie goes along). */
async function request<Schema extends z.ZodType>(
  schema: Schema,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<z.infer<Schema>> {
  const response = await fetch(`/demo-tracker${path}`, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? {} : { "content-type": "application/json" },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = problemSchema.safeParse(body);
    throw problem.success
      ? PlugboardError.fromProblem(problem.data)
      : new PlugboardError({ code: "invalid_response", status: response.status });
  }
  return schema.parse(body);
}

export const trackerClient = {
  session: () => request(trackerSessionSchema, "/session"),
  listIssues: async (query = "") =>
    (await request(issueListSchema, `/issues?q=${encodeURIComponent(query)}`)).data,
  getIssue: (key: string) => request(issueDetailSchema, `/issues/${encodeURIComponent(key)}`),
  createIssue: (body: CreateIssueBody): Promise<HostIssue> =>
    request(hostIssueSchema, "/issues", { method: "POST", body }),
  updateIssue: (key: string, changes: IssueChangesBody): Promise<HostIssue> =>
    request(hostIssueSchema, `/issues/${encodeURIComponent(key)}`, {
      method: "PATCH",
      body: changes,
    }),
  addComment: (key: string, body: string): Promise<HostComment> =>
    request(hostCommentSchema, `/issues/${encodeURIComponent(key)}/comments`, {
      method: "POST",
      body: { body },
    }),
};
