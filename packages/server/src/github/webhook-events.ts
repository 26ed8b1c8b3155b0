import { createId } from "@plugboard/core";
import { z } from "zod";
import type { PlugboardContext } from "../context";
import { markNeedsReconnect } from "../integrations/oauth/tokens";
import type { IssueStatusReason } from "./hooks";
import { findIssueKeys } from "./issue-keys";
import { presentReference } from "./present";
import type { GitHubReferenceRecord, RepositoryLinkRecord } from "./store/types";

// Only the fields Plugboard reads, as GitHub documents them; everything else passes through.
const repositorySchema = z.object({ id: z.number().int(), full_name: z.string() });

const pullRequestEventSchema = z.object({
  action: z.string(),
  repository: repositorySchema,
  pull_request: z.object({
    number: z.number().int(),
    title: z.string(),
    body: z.string().nullable().optional(),
    html_url: z.url(),
    state: z.enum(["open", "closed"]),
    merged: z.boolean().nullable().optional(),
    user: z.object({ login: z.string() }).nullable().optional(),
    head: z.object({ ref: z.string() }).optional(),
  }),
});

const authorizationRevokedSchema = z.object({
  action: z.literal("revoked"),
  sender: z.object({ id: z.number().int() }),
});

const pushEventSchema = z.object({
  repository: repositorySchema,
  commits: z.array(
    z.object({
      id: z.string(),
      message: z.string(),
      url: z.url(),
      author: z.object({ name: z.string().optional(), username: z.string().optional() }).optional(),
    }),
  ),
});

/** Handles one verified, first-seen delivery. Unknown events are acknowledged and ignored. */
export async function handleGitHubEvent(
  context: PlugboardContext,
  event: string,
  payload: unknown,
): Promise<"processed" | "ignored"> {
  if (event === "pull_request") {
    const parsed = pullRequestEventSchema.safeParse(payload);
    if (!parsed.success) return "ignored";
    await handlePullRequest(context, parsed.data);
    return "processed";
  }
  if (event === "push") {
    const parsed = pushEventSchema.safeParse(payload);
    if (!parsed.success) return "ignored";
    await handlePush(context, parsed.data);
    return "processed";
  }
  if (event === "github_app_authorization") {
    const parsed = authorizationRevokedSchema.safeParse(payload);
    if (!parsed.success) return "ignored";
    await handleAuthorizationRevoked(context, parsed.data);
    return "processed";
  }
  return "ignored";
}

/** The events the receiver queues; anything else is acknowledged and dropped at once. */
export const handledGitHubEvents = new Set(["pull_request", "push", "github_app_authorization"]);

/**
 * The user revoked the app's authorization on GitHub: every installation made with that GitHub
 * account, in whichever organization, needs a reconnect now rather than at its next failed call.
 */
async function handleAuthorizationRevoked(
  context: PlugboardContext,
  { sender }: z.infer<typeof authorizationRevokedSchema>,
) {
  const installations = await context.store.installations.findByAccount(
    "github",
    String(sender.id),
  );
  for (const installation of installations) await markNeedsReconnect(context, installation);
}

async function handlePullRequest(
  context: PlugboardContext,
  { action, repository, pull_request: pr }: z.infer<typeof pullRequestEventSchema>,
) {
  const links = await context.store.github.linksForRepository(repository.id);
  if (links.length === 0) return;
  const keys = findIssueKeys(context.github.issueKeyPattern, pr.title, pr.body, pr.head?.ref);
  const state = pr.merged ? "merged" : pr.state;
  const reason: IssueStatusReason | null =
    action === "opened" || action === "reopened"
      ? "pull_request_opened"
      : action === "closed"
        ? pr.merged
          ? "pull_request_merged"
          : "pull_request_closed"
        : null;
  const statuses = context.github.options?.statuses ?? {};
  const status =
    reason === "pull_request_opened"
      ? statuses.opened
      : reason === "pull_request_merged"
        ? statuses.merged
        : reason === "pull_request_closed"
          ? statuses.closed
          : undefined;
  for (const link of links) {
    for (const issueKey of keys) {
      await record(context, link, {
        issueKey,
        kind: "pull_request",
        repositoryFullName: repository.full_name,
        externalId: String(pr.number),
        label: `#${pr.number}`,
        title: pr.title,
        url: pr.html_url,
        state,
        author: pr.user?.login ?? null,
      });
      if (reason && status !== undefined) {
        await callHook(context, "Status sync through the host port failed", () =>
          moveIssue(context, link, issueKey, status),
        );
      }
    }
  }
}

/**
 * Moves the issue to the workflow state named (or of the category) configured for what happened,
 * as the integration itself: issues of other projects than the linked one are left alone.
 */
async function moveIssue(
  context: PlugboardContext,
  link: RepositoryLinkRecord,
  issueKey: string,
  wanted: string,
) {
  const call = { organizationId: link.organizationId, actor: { integration: "github" } };
  const issue = await context.host.issues.getByKey(call, issueKey);
  if (!issue || issue.projectId !== link.projectId) return;
  const states = await context.host.workflowStates.list(call, issue.projectId);
  const name = wanted.toLowerCase();
  const target =
    states.find((state) => state.name.toLowerCase() === name) ??
    states.find((state) => state.category === name);
  if (!target) {
    context.logger.warn("providers.github.statuses names no workflow state of the project", {
      status: wanted,
      projectId: issue.projectId,
    });
    return;
  }
  if (issue.stateId !== target.id) {
    await context.host.issues.update(call, issue.id, { stateId: target.id });
  }
}

async function handlePush(
  context: PlugboardContext,
  { repository, commits }: z.infer<typeof pushEventSchema>,
) {
  const links = await context.store.github.linksForRepository(repository.id);
  if (links.length === 0) return;
  for (const commit of commits) {
    const keys = findIssueKeys(context.github.issueKeyPattern, commit.message);
    for (const link of links) {
      for (const issueKey of keys) {
        await record(context, link, {
          issueKey,
          kind: "commit",
          repositoryFullName: repository.full_name,
          externalId: commit.id,
          label: commit.id.slice(0, 7),
          title: commit.message.split("\n", 1)[0] ?? "",
          url: commit.url,
          state: "pushed",
          author: commit.author?.username ?? commit.author?.name ?? null,
        });
      }
    }
  }
}

type ReferenceFields = Omit<
  GitHubReferenceRecord,
  "id" | "organizationId" | "projectId" | "createdAt" | "updatedAt"
>;

/** Stores the reference and tells the host about a new one. */
async function record(
  context: PlugboardContext,
  link: RepositoryLinkRecord,
  fields: ReferenceFields,
): Promise<GitHubReferenceRecord> {
  const now = context.now();
  const reference: GitHubReferenceRecord = {
    id: createId("ghr"),
    organizationId: link.organizationId,
    projectId: link.projectId,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  const { created, id } = await context.store.github.upsertReference(reference);
  reference.id = id;
  if (created) {
    await callHook(context, "onIssueReference threw", () =>
      context.github.options?.onIssueReference?.({
        provider: "github",
        organizationId: link.organizationId,
        projectId: link.projectId,
        issueKey: reference.issueKey,
        reference: presentReference(reference),
      }),
    );
  }
  return reference;
}

/** A host failure is logged and does not fail the delivery (GitHub would resend it). */
async function callHook(
  context: PlugboardContext,
  message: string,
  run: () => void | Promise<void> | undefined,
) {
  try {
    await run();
  } catch (error) {
    context.logger.error(message, {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
