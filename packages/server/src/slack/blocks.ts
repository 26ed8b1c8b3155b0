import type { HostIssue, HostWorkflowState } from "@plugboard/core";

/** Priorities offered on messages and in the create modal (the host's own names). */
export const priorities = ["urgent", "high", "medium", "low", "none"] as const;

const plain = (text: string) => ({ type: "plain_text", text: text.slice(0, 75), emoji: true });
const option = (text: string, value: string) => ({ text: plain(text), value });

/** Slack's mrkdwn treats `&`, `<` and `>` as markup: user text is escaped before it goes in. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export interface IssueView {
  issue: HostIssue;
  states: HostWorkflowState[];
  assigneeName: string | null;
}

/** The one-line summary Slack shows in notifications and where blocks cannot render. */
export function issueText({ issue, states }: IssueView): string {
  const state = states.find((candidate) => candidate.id === issue.stateId)?.name ?? issue.stateId;
  return `${issue.key} ${issue.title} (${state})`;
}

/**
 * An issue as a Block Kit message: key, title and link, status, priority, assignee, and the
 * controls that change it (status and priority selects, assign to me, comment). Action values
 * carry the issue key; the handler looks the issue up again as the person who pressed.
 */
export function issueBlocks(view: IssueView): unknown[] {
  const { issue, states, assigneeName } = view;
  const state = states.find((candidate) => candidate.id === issue.stateId);
  const fields = [
    `*Status*\n${escapeMrkdwn(state?.name ?? issue.stateId)}`,
    `*Priority*\n${escapeMrkdwn(issue.priority ?? "none")}`,
    `*Assignee*\n${assigneeName ? escapeMrkdwn(assigneeName) : "Unassigned"}`,
  ];
  const statusSelect = {
    type: "static_select",
    action_id: "plugboard.status",
    placeholder: plain("Status"),
    options: states.map((candidate) => option(candidate.name, `${issue.key}|${candidate.id}`)),
    ...(state ? { initial_option: option(state.name, `${issue.key}|${state.id}`) } : {}),
  };
  const prioritySelect = {
    type: "static_select",
    action_id: "plugboard.priority",
    placeholder: plain("Priority"),
    options: priorities.map((name) => option(name, `${issue.key}|${name}`)),
  };
  return [
    {
      type: "section",
      block_id: `plugboard.issue.${issue.key}`,
      text: {
        type: "mrkdwn",
        text: `*<${issue.url}|${escapeMrkdwn(issue.key)}>* ${escapeMrkdwn(issue.title)}`,
      },
      fields: fields.map((text) => ({ type: "mrkdwn", text })),
    },
    {
      type: "actions",
      elements: [
        ...(states.length > 0 ? [statusSelect] : []),
        prioritySelect,
        {
          type: "button",
          action_id: "plugboard.assign_me",
          text: plain("Assign to me"),
          value: issue.key,
        },
        {
          type: "button",
          action_id: "plugboard.comment",
          text: plain("Comment"),
          value: issue.key,
        },
      ],
    },
  ];
}

/** What an unfurled issue link shows: no controls, only what the linked user may see. */
export function unfurlBlocks(view: IssueView): unknown[] {
  const [summary] = issueBlocks(view);
  return [summary];
}

/** The ephemeral answer for a Slack user who has not linked their account yet. */
export function connectAccountMessage(url: string) {
  return {
    response_type: "ephemeral",
    text: "Connect your account to use Plugboard from Slack",
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: "Plugboard acts as you, never as whoever installed it. Connect your Slack account to your account first.",
        },
        accessory: {
          type: "button",
          action_id: "plugboard.connect",
          text: plain("Connect your account"),
          url,
          style: "primary",
        },
      },
    ],
  };
}
