import type { HostIssue, HostProject, HostWorkflowState } from "@plugboard/core";
import type { HostCall, HostPort } from "./port";

export interface MemoryHostSeed {
  projects?: HostProject[];
  /** Workflow states per project id. */
  states?: Record<string, HostWorkflowState[]>;
  issues?: HostIssue[];
  /** The clock `createdAt` / `updatedAt` are stamped by. Default `Date.now`. */
  now?: () => number;
}

/**
 * A host tracker in memory implementing the whole port, for tests of features that change the
 * host's issues (GitHub status sync, Slack, calendar sync) and for hosts' own tests.
 * `calls` records every call with who it acted for.
 */
export function createMemoryHost(seed: MemoryHostSeed = {}) {
  const issues = new Map((seed.issues ?? []).map((issue) => [issue.id, { ...issue }]));
  const projects = seed.projects ?? [];
  const states = seed.states ?? {};
  const calls: { capability: string; call: HostCall; args: unknown[] }[] = [];
  const log = (capability: string, call: HostCall, ...args: unknown[]) =>
    calls.push({ capability, call, args });
  let sequence = issues.size;
  const now = seed.now ?? Date.now;

  const port = {
    issues: {
      async create(call, input) {
        log("issues.create", call, input);
        const project = projects.find((candidate) => candidate.id === input.projectId);
        if (!project) throw new Error(`No project ${input.projectId}`);
        sequence += 1;
        const at = new Date(now()).toISOString();
        const issue: HostIssue = {
          id: `iss_${sequence}`,
          key: `${project.key}-${sequence}`,
          projectId: project.id,
          title: input.title,
          description: input.description ?? null,
          stateId: input.stateId ?? states[project.id]?.[0]?.id ?? "unstarted",
          priority: input.priority ?? null,
          assigneeId: input.assigneeId ?? null,
          dueDate: input.dueDate ?? null,
          url: `https://tracker.test/issues/${project.key}-${sequence}`,
          createdAt: at,
          updatedAt: at,
        };
        issues.set(issue.id, issue);
        return { ...issue };
      },
      async update(call, issueId, changes) {
        log("issues.update", call, issueId, changes);
        const issue = issues.get(issueId);
        if (!issue) throw new Error(`No issue ${issueId}`);
        const defined = Object.fromEntries(
          Object.entries(changes).filter(([, value]) => value !== undefined),
        );
        Object.assign(issue, defined, { updatedAt: new Date(now()).toISOString() });
        return { ...issue };
      },
      async getByKey(call, key) {
        log("issues.getByKey", call, key);
        const issue = [...issues.values()].find((candidate) => candidate.key === key);
        return issue ? { ...issue } : null;
      },
      async get(call, issueId) {
        log("issues.get", call, issueId);
        const issue = issues.get(issueId);
        return issue ? { ...issue } : null;
      },
      async listDue(call, query) {
        log("issues.listDue", call, query);
        const all = [...issues.values()]
          .filter((issue) => issue.projectId === query.projectId && issue.dueDate !== null)
          .sort((a, b) => a.id.localeCompare(b.id));
        const start = query.cursor ? Number(query.cursor) : 0;
        const end = start + (query.limit ?? 100);
        return {
          issues: all.slice(start, end).map((issue) => ({ ...issue })),
          nextCursor: end < all.length ? String(end) : null,
        };
      },
      async search(call, query) {
        log("issues.search", call, query);
        const text = query.text?.toLowerCase() ?? "";
        return [...issues.values()]
          .filter((issue) => !query.projectId || issue.projectId === query.projectId)
          .filter((issue) => `${issue.key} ${issue.title}`.toLowerCase().includes(text))
          .slice(0, query.limit ?? 20)
          .map((issue) => ({ ...issue }));
      },
    },
    projects: {
      async list(call) {
        log("projects.list", call);
        return projects.map((project) => ({ ...project }));
      },
    },
    workflowStates: {
      async list(call, projectId) {
        log("workflowStates.list", call, projectId);
        return (states[projectId] ?? []).map((state) => ({ ...state }));
      },
    },
  } satisfies HostPort;

  return {
    port,
    calls,
    issue: (key: string) => [...issues.values()].find((issue) => issue.key === key),
    /** The host deleting an issue (it then publishes `issue.deleted`). */
    remove: (issueId: string) => issues.delete(issueId),
  };
}
