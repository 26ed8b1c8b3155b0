import type { HostIssue } from "@plugboard/core";
import type { PlugboardContext } from "../context";
import { hasCapability } from "../host/capabilities";
import type { HostCall } from "../host/port";
import type { InstallationRecord } from "../integrations/store/types";
import type { IssueView } from "./blocks";
import { issueBlocks, issueText } from "./blocks";
import { callSlack } from "./web-api";

/** The issue with its project's states and the assignee's name, read as `call`'s actor. */
export async function issueView(
  context: PlugboardContext,
  call: HostCall,
  issue: HostIssue,
): Promise<IssueView> {
  const port = context.host.port;
  const states = hasCapability(port, "workflowStates.list")
    ? await context.host.workflowStates.list(call, issue.projectId)
    : [];
  const assignee =
    issue.assigneeId && hasCapability(port, "users.get")
      ? await context.host.users.get(call, issue.assigneeId)
      : null;
  return { issue, states, assigneeName: assignee?.name ?? null };
}

/** Messages in channels are read by everyone there: they are rendered as the integration. */
export function integrationCall(organizationId: string): HostCall {
  return { organizationId, actor: { integration: "slack" } };
}

/** Edits the issue's message in place with its current state. */
export async function refreshIssueMessage(
  context: PlugboardContext,
  installation: InstallationRecord,
  issue: HostIssue,
  channel: string,
  ts: string,
): Promise<void> {
  const view = await issueView(context, integrationCall(installation.organizationId), issue);
  await callSlack(context, installation, "chat.update", {
    channel,
    ts,
    text: issueText(view),
    blocks: issueBlocks(view),
  });
}

/** Posts the issue's message to a channel and keeps its ts, so later changes edit it. */
export async function postIssueMessage(
  context: PlugboardContext,
  installation: InstallationRecord,
  issue: HostIssue,
  channel: string,
): Promise<string> {
  const view = await issueView(context, integrationCall(installation.organizationId), issue);
  const answer = await callSlack(context, installation, "chat.postMessage", {
    channel,
    text: issueText(view),
    blocks: issueBlocks(view),
    unfurl_links: false,
  });
  const ts = String(answer.ts);
  await context.store.slack.saveIssueMessage({
    organizationId: installation.organizationId,
    issueId: issue.id,
    channelId: channel,
    ts,
    createdAt: context.now(),
  });
  return ts;
}
