import { adfToMarkdown } from "../convert/adf-to-markdown";
import type { JiraCloudClient } from "./cloud-client";
import type { JiraComment, JiraItem, JiraPerson } from "./item";
import { jiraInstant } from "./jira-time";

/** Custom fields found through `/field`: sprint and story points have no fixed ids. */
export interface JiraFieldIds {
  sprint: string | null;
  storyPoints: string | null;
  /** Every other custom field: id → name. */
  custom: Record<string, string>;
}

export async function discoverFields(client: JiraCloudClient): Promise<JiraFieldIds> {
  const fields = await client.fields();
  const byType = (suffix: string) =>
    fields.find((field) => field.schema?.custom?.endsWith(suffix))?.id ?? null;
  const sprint = byType(":gh-sprint");
  const storyPoints =
    byType(":jsw-story-points") ??
    fields.find((field) => /^story points?( estimate)?$/i.test(field.name))?.id ??
    null;
  const custom = Object.fromEntries(
    fields
      .filter((field) => field.custom && field.id !== sprint && field.id !== storyPoints)
      .map((field) => [field.id, field.name]),
  );
  return { sprint, storyPoints, custom };
}

export function searchFields(ids: JiraFieldIds): string[] {
  return [
    "summary",
    "description",
    "issuetype",
    "status",
    "priority",
    "labels",
    "assignee",
    "reporter",
    "created",
    "updated",
    "resolutiondate",
    "duedate",
    "parent",
    "issuelinks",
    "components",
    "attachment",
    "comment",
    ...(ids.sprint ? [ids.sprint] : []),
    ...(ids.storyPoints ? [ids.storyPoints] : []),
    ...Object.keys(ids.custom),
  ];
}

type Fields = Record<string, unknown>;
const record = (value: unknown): Fields =>
  typeof value === "object" && value !== null ? (value as Fields) : {};
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

function person(value: unknown): JiraPerson | null {
  const fields = record(value);
  const accountId = text(fields.accountId);
  if (!accountId) return null;
  return {
    accountId,
    name: text(fields.displayName) ?? accountId,
    email: text(fields.emailAddress),
  };
}

function comment(value: unknown): JiraComment {
  const fields = record(value);
  return {
    id: String(fields.id),
    author: person(fields.author),
    created: jiraInstant(fields.created) ?? new Date(0).toISOString(),
    body: adfToMarkdown(fields.body),
  };
}

const categories = new Set(["new", "indeterminate", "done"]);

/**
 * A search result as a `JiraItem`. Search carries at most 20 comments: the rest come from
 * `/comment`, starting after those.
 */
export async function cloudItem(
  issue: { id: string; key: string; fields: Fields },
  ids: JiraFieldIds,
  client: JiraCloudClient,
): Promise<JiraItem> {
  const f = issue.fields;
  const commentField = record(f.comment);
  const inline = Array.isArray(commentField.comments) ? commentField.comments : [];
  const total = Number(commentField.total ?? inline.length);
  const rest = total > inline.length ? await client.comments(issue.id, inline.length) : [];
  const status = record(f.status);
  const category = text(record(status.statusCategory).key) ?? "unknown";
  const links = (Array.isArray(f.issuelinks) ? f.issuelinks : []).flatMap(
    (value): JiraItem["links"] => {
      const link = record(value);
      const type = record(link.type);
      const outward = text(record(link.outwardIssue).key);
      const inward = text(record(link.inwardIssue).key);
      if (outward)
        return [{ type: text(type.outward) ?? "relates to", direction: "outward", key: outward }];
      if (inward)
        return [{ type: text(type.inward) ?? "relates to", direction: "inward", key: inward }];
      return [];
    },
  );
  const sprints = (
    ids.sprint && Array.isArray(f[ids.sprint]) ? (f[ids.sprint] as unknown[]) : []
  ).map((value) => {
    const sprint = record(value);
    return {
      name: text(sprint.name) ?? "Sprint",
      startsAt: jiraInstant(sprint.startDate),
      endsAt: jiraInstant(sprint.endDate),
    };
  });
  const customFields: Record<string, string> = {};
  for (const [id, name] of Object.entries(ids.custom)) {
    const value = f[id];
    if (value === null || value === undefined || value === "") continue;
    customFields[name] = typeof value === "object" ? adfOrJson(value) : String(value);
  }
  const points = ids.storyPoints ? f[ids.storyPoints] : null;
  return {
    id: issue.id,
    key: issue.key,
    summary: text(f.summary) ?? "",
    description: adfToMarkdown(f.description),
    type: text(record(f.issuetype).name) ?? "Task",
    status: {
      name: text(status.name) ?? "Unknown",
      category: categories.has(category) ? (category as JiraItem["status"]["category"]) : "unknown",
    },
    priority: text(record(f.priority).name),
    labels: Array.isArray(f.labels) ? f.labels.filter((label) => typeof label === "string") : [],
    assignee: person(f.assignee),
    reporter: person(f.reporter),
    created: jiraInstant(f.created) ?? new Date(0).toISOString(),
    updated: jiraInstant(f.updated) ?? new Date(0).toISOString(),
    resolved: jiraInstant(f.resolutiondate),
    due: text(f.duedate),
    parentId: text(record(f.parent).id),
    links,
    sprints,
    components: (Array.isArray(f.components) ? f.components : [])
      .map((value) => text(record(value).name))
      .filter((name): name is string => name !== null),
    storyPoints: typeof points === "number" ? points : null,
    customFields,
    comments: [...inline, ...rest].map(comment),
    attachments: (Array.isArray(f.attachment) ? f.attachment : []).map((value) => {
      const attachment = record(value);
      return {
        id: String(attachment.id),
        fileName: text(attachment.filename) ?? "attachment",
        size: Number(attachment.size ?? 0),
        mimeType: text(attachment.mimeType) ?? "application/octet-stream",
        url: text(attachment.content) ?? "",
      };
    }),
  };
}

function adfOrJson(value: object): string {
  if ("type" in value && (value as { type: unknown }).type === "doc") return adfToMarkdown(value);
  if ("value" in value) return String((value as { value: unknown }).value);
  return JSON.stringify(value);
}
