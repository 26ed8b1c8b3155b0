import type {
  HostAttachment,
  HostComment,
  HostCycle,
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
  /**
   * Importers set these (all optional for other callers). `externalId` names the issue in the
   * system it came from (`jira:10001`): `issues.findByExternalId` finds it again, so a re-run
   * or a resumed import updates instead of duplicating.
   */
  externalId?: string;
  /** Where the issue came from (the Jira issue's page), kept as a link on the issue. */
  externalUrl?: string;
  labels?: string[];
  reporterId?: string | null;
  parentId?: string | null;
  cycleId?: string | null;
  estimate?: number | null;
  /** The original creation time, for historical data. */
  createdAt?: string;
  completedAt?: string | null;
}

export interface CreateCommentInput {
  issueId: string;
  body: string;
  /** Importers: the original author (null: the integration) and time, and the source's id. */
  authorId?: string | null;
  createdAt?: string;
  externalId?: string;
}

export interface UploadAttachmentInput {
  issueId: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Uploading again with the same external id returns the attachment already there. */
  externalId: string;
  /** Streamed: large files never sit whole in memory. */
  content: ReadableStream<Uint8Array>;
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
    /** Null when no issue of the organization was created with that `externalId`. */
    findByExternalId?(call: HostCall, externalId: string): Promise<HostIssue | null>;
    /** Null when the organization has no issue with that id (deleted). */
    get?(call: HostCall, issueId: string): Promise<HostIssue | null>;
    /** A project's issues that have a due date, in pages: what a calendar sync starts from. */
    listDue?(call: HostCall, query: DueIssuesQuery): Promise<DueIssuesPage>;
  };
  comments?: {
    create?(call: HostCall, input: CreateCommentInput): Promise<HostComment>;
    findByExternalId?(call: HostCall, externalId: string): Promise<HostComment | null>;
  };
  cycles?: {
    list?(call: HostCall, projectId: string): Promise<HostCycle[]>;
    create?(
      call: HostCall,
      input: { projectId: string; name: string; startsAt: string | null; endsAt: string | null },
    ): Promise<HostCycle>;
  };
  attachments?: {
    upload?(call: HostCall, input: UploadAttachmentInput): Promise<HostAttachment>;
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
    /** Everyone who can be assigned: the importer's user mapping offers them. */
    list?(call: HostCall): Promise<HostUser[]>;
  };
}

/** `"issues.update"`, `"users.findByEmail"`, …: one capability of the port. */
export type HostCapability = {
  [Group in keyof HostPort]-?: `${Group & string}.${keyof NonNullable<HostPort[Group]> & string}`;
}[keyof HostPort];
