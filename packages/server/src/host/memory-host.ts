import type {
  HostAttachment,
  HostComment,
  HostCycle,
  HostIssue,
  HostProject,
  HostUser,
  HostWorkflowState,
} from "@plugboard/core";
import type { CreateIssueInput, HostCall, HostPort } from "./port";

export interface MemoryHostSeed {
  projects?: HostProject[];
  /** Workflow states per project id. */
  states?: Record<string, HostWorkflowState[]>;
  issues?: HostIssue[];
  users?: HostUser[];
  /** The clock `createdAt` / `updatedAt` are stamped by. Default `Date.now`. */
  now?: () => number;
}

/** An issue as the memory host keeps it: the port's fields and what importers set. */
export type MemoryHostIssue = HostIssue &
  Pick<
    CreateIssueInput,
    | "externalId"
    | "externalUrl"
    | "labels"
    | "reporterId"
    | "parentId"
    | "cycleId"
    | "estimate"
    | "completedAt"
  >;

export type MemoryHostComment = HostComment & { externalId?: string };
export type MemoryHostAttachment = HostAttachment & { externalId: string; content: string };

/**
 * A host tracker in memory implementing the whole port, for tests of features that change the
 * host's issues (GitHub status sync, Slack, calendar sync) and for hosts' own tests.
 * `calls` records every call with who it acted for.
 */
export function createMemoryHost(seed: MemoryHostSeed = {}) {
  const issues = new Map<string, MemoryHostIssue>(
    (seed.issues ?? []).map((issue) => [issue.id, { ...issue }]),
  );
  const comments: MemoryHostComment[] = [];
  const cycles = new Map<string, HostCycle & { projectId: string }>();
  const attachments: MemoryHostAttachment[] = [];
  const users = seed.users ?? [];
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
        const { externalId, externalUrl, labels, reporterId, parentId, cycleId, estimate } = input;
        const issue: MemoryHostIssue = {
          ...{ externalId, externalUrl, labels, reporterId, parentId, cycleId, estimate },
          completedAt: input.completedAt,
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
          createdAt: input.createdAt ?? at,
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
      async findByExternalId(call, externalId) {
        log("issues.findByExternalId", call, externalId);
        const issue = [...issues.values()].find((candidate) => candidate.externalId === externalId);
        return issue ? { ...issue } : null;
      },
    },
    comments: {
      async create(call, input) {
        log("comments.create", call, input);
        if (!issues.has(input.issueId)) throw new Error(`No issue ${input.issueId}`);
        const comment: MemoryHostComment = {
          id: `com_${comments.length + 1}`,
          issueId: input.issueId,
          body: input.body,
          authorId: input.authorId ?? ("userId" in call.actor ? call.actor.userId : null),
          createdAt: input.createdAt ?? new Date(now()).toISOString(),
          externalId: input.externalId,
        };
        comments.push(comment);
        return { ...comment };
      },
      async findByExternalId(call, externalId) {
        log("comments.findByExternalId", call, externalId);
        const comment = comments.find((candidate) => candidate.externalId === externalId);
        return comment ? { ...comment } : null;
      },
    },
    cycles: {
      async list(call, projectId) {
        log("cycles.list", call, projectId);
        return [...cycles.values()].filter((cycle) => cycle.projectId === projectId);
      },
      async create(call, input) {
        log("cycles.create", call, input);
        const cycle = { id: `cyc_${cycles.size + 1}`, ...input };
        cycles.set(cycle.id, cycle);
        return { ...cycle };
      },
    },
    attachments: {
      async upload(call, input) {
        const { content, ...rest } = input;
        log("attachments.upload", call, rest);
        const existing = attachments.find((candidate) => candidate.externalId === input.externalId);
        const text = await new Response(content).text();
        if (existing) return { ...existing };
        const attachment: MemoryHostAttachment = {
          id: `att_${attachments.length + 1}`,
          issueId: input.issueId,
          fileName: input.fileName,
          size: input.size,
          externalId: input.externalId,
          content: text,
        };
        attachments.push(attachment);
        return { ...attachment };
      },
    },
    users: {
      async get(call, userId) {
        log("users.get", call, userId);
        return users.find((user) => user.id === userId) ?? null;
      },
      async findByEmail(call, email) {
        log("users.findByEmail", call, email);
        return users.find((user) => user.email?.toLowerCase() === email.toLowerCase()) ?? null;
      },
      async list(call) {
        log("users.list", call);
        return users.map((user) => ({ ...user }));
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
    /** Everything the host holds, for tests that compare whole states. */
    issues: () => [...issues.values()],
    comments: () => [...comments],
    cycles: () => [...cycles.values()],
    attachments: () => [...attachments],
    /** The host deleting an issue (it then publishes `issue.deleted`). */
    remove: (issueId: string) => issues.delete(issueId),
  };
}
