import type { JiraMapping } from "@plugboard/core";
import type { CreateIssueInput } from "../../host/port";
import type { JiraComment, JiraItem } from "../source/item";

export interface PlanContext {
  hostProjectId: string;
  mapping: JiraMapping;
  /** Where "open in Jira" links point; null for a CSV export without a site. */
  siteUrl: string | null;
  /** A mapped sprint's host cycle id (created or chosen), or null. */
  cycleFor(sprint: string): string | null;
}

export const issueExternalId = (item: Pick<JiraItem, "id">) => `jira:${item.id}`;
export const commentExternalId = (comment: Pick<JiraComment, "id">) => `jira:comment:${comment.id}`;
export const attachmentExternalId = (id: string) => `jira:attachment:${id}`;

const browse = (siteUrl: string | null, key: string) =>
  siteUrl ? `${siteUrl}/browse/${key}` : null;

/**
 * The host issue a Jira item becomes, the same for the dry run's sample and the import. What
 * the host port has no field for (type, components, story points when no estimate, links,
 * custom fields) is kept as labels or as a footer of the description, never dropped.
 */
export function planIssue(item: JiraItem, context: PlanContext): CreateIssueInput {
  const { mapping } = context;
  const user = (who: JiraItem["assignee"]) => (who ? (mapping.users[who.accountId] ?? null) : null);
  const typeLabel = mapping.types[item.type];
  const labels = [
    ...item.labels,
    ...(typeLabel ? [typeLabel] : []),
    ...item.components.map((component) => `component:${component}`),
  ];
  const footer: string[] = [];
  const link = browse(context.siteUrl, item.key);
  footer.push(`Imported from Jira ${link ? `[${item.key}](${link})` : item.key} (${item.type}).`);
  if (item.links.length > 0) {
    footer.push(`Links: ${item.links.map((l) => `${l.type} ${l.key}`).join(", ")}.`);
  }
  for (const name of mapping.customFields) {
    const value = item.customFields[name];
    if (value) footer.push(`${name}: ${value}`);
  }
  if (item.assignee && !user(item.assignee)) footer.push(`Jira assignee: ${item.assignee.name}.`);
  const sprint = item.sprints.at(-1);
  const stateId = mapping.statuses[item.status.name];
  return {
    projectId: context.hostProjectId,
    title: item.summary || item.key,
    description: [item.description, footer.join("\n")]
      .filter((part) => part !== "")
      .join("\n\n---\n"),
    ...(stateId ? { stateId } : {}),
    priority: item.priority ? (mapping.priorities[item.priority] ?? null) : null,
    assigneeId: user(item.assignee),
    reporterId: user(item.reporter),
    dueDate: item.due,
    labels: [...new Set(labels)],
    estimate: item.storyPoints,
    cycleId: sprint ? context.cycleFor(sprint.name) : null,
    createdAt: item.created,
    completedAt: item.resolved,
    externalId: issueExternalId(item),
    ...(link ? { externalUrl: link } : {}),
  };
}

/** A comment's body: the author's name in front when they have no host user. */
export function planComment(comment: JiraComment, mapping: JiraMapping) {
  const authorId = comment.author ? (mapping.users[comment.author.accountId] ?? null) : null;
  const byline = !authorId && comment.author ? `**${comment.author.name}** (Jira):\n\n` : "";
  return {
    body: `${byline}${comment.body}`,
    authorId,
    createdAt: comment.created,
    externalId: commentExternalId(comment),
  };
}
