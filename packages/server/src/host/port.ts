import type {
  HostComment,
  HostIssue,
  HostProject,
  HostUser,
  HostWorkflowState,
} from "@plugboard/core";

/**
 * Who a host-port call acts for. Features never act as the installer: a Slack button runs as
 * the host user linked to the Slack user who pressed it; a merged pull request or a calendar
 * sync runs as the integration itself (`{ integration }`), which the host may show as a bot.
 */
export type HostActor = { userId: string } | { integration: string };

export interface HostCall {
  organizationId: string;
  actor: HostActor;
}

export interface CreateIssueInput {
  projectId: string;
  title: string;
  description?: string | null;
  stateId?: string;
  priority?: string | null;
  assigneeId?: string | null;
  dueDate?: string | null;
}

/** Only the fields present change; `null` clears one. */
export type IssueChanges = Partial<Omit<CreateIssueInput, "projectId">>;

/** One page of a project's issues that have a due date, for a calendar's initial sync. */
export interface DueIssuesQuery {
  projectId: string;
  /** From the previous page's `nextCursor`; absent for the first page. */
  cursor?: string | null;
  /** At most this many per page. Default 100. */
  limit?: number;
}

export interface DueIssuesPage {
  issues: HostIssue[];
  /** Null on the last page. */
  nextCursor: string | null;
}

export interface IssueSearch {
  text?: string;
  projectId?: string;
  /** At most this many, most relevant first. Default 20. */
  limit?: number;
}

/**
 * The host's tracker, as Plugboard sees it: one typed interface passed to
 * `createPlugboard({ host })`. Every group is optional; a feature that needs a capability
 * names it (`requires`), and `createPlugboard` refuses to start without it.
 */
export interface HostPort {
  issues?: {
    create?(call: HostCall, input: CreateIssueInput): Promise<HostIssue>;
    update?(call: HostCall, issueId: string, changes: IssueChanges): Promise<HostIssue>;
    /** Null when no issue of the organization has that key. */
    getByKey?(call: HostCall, key: string): Promise<HostIssue | null>;
    search?(call: HostCall, query: IssueSearch): Promise<HostIssue[]>;
    /** Null when the organization has no issue with that id (deleted). */
    get?(call: HostCall, issueId: string): Promise<HostIssue | null>;
    /** A project's issues that have a due date, in pages: what a calendar sync starts from. */
    listDue?(call: HostCall, query: DueIssuesQuery): Promise<DueIssuesPage>;
  };
  comments?: {
    create?(call: HostCall, input: { issueId: string; body: string }): Promise<HostComment>;
  };
  projects?: {
    list?(call: HostCall): Promise<HostProject[]>;
  };
  workflowStates?: {
    list?(call: HostCall, projectId: string): Promise<HostWorkflowState[]>;
  };
  users?: {
    get?(call: HostCall, userId: string): Promise<HostUser | null>;
    findByEmail?(call: HostCall, email: string): Promise<HostUser | null>;
  };
}

/** `"issues.update"`, `"users.findByEmail"`, …: one capability of the port. */
export type HostCapability = {
  [Group in keyof HostPort]-?: `${Group & string}.${keyof NonNullable<HostPort[Group]> & string}`;
}[keyof HostPort];
