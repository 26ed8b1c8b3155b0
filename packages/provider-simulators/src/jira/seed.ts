/**
 * The fake Jira's seeded project, computed from an issue's index instead of held in memory, so
 * the bench can import 10,000 issues without the simulator owning a gigabyte. Shapes follow Jira
 * Cloud's REST API v3: dates with a `+0100` offset (no colon), ids as numeric strings, sprints
 * and story points in custom fields, descriptions and comment bodies in ADF.
 */

export interface JiraUser {
  accountId: string;
  displayName: string;
  /** Hidden by the user's profile visibility for some users, as in real sites. */
  emailAddress?: string;
  active: boolean;
  accountType: "atlassian";
}

export const jiraUsers: JiraUser[] = [
  {
    accountId: "5b10a2844c20165700ede21g",
    displayName: "Ada Lovelace",
    emailAddress: "ada@example.com",
    active: true,
    accountType: "atlassian",
  },
  {
    accountId: "5b10ac8d82e05b22cc7d4ef5",
    displayName: "Grace Hopper",
    emailAddress: "grace@example.com",
    active: true,
    accountType: "atlassian",
  },
  {
    accountId: "712020:0e3a4f1c-hidden",
    displayName: "Alan Turing",
    active: true,
    accountType: "atlassian",
  },
  {
    accountId: "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077",
    displayName: "Katherine Johnson",
    emailAddress: "katherine@example.com",
    active: true,
    accountType: "atlassian",
  },
];

export const jiraStatuses = [
  { id: "10000", name: "To Do", statusCategory: { id: 2, key: "new", name: "To Do" } },
  {
    id: "3",
    name: "In Progress",
    statusCategory: { id: 4, key: "indeterminate", name: "In Progress" },
  },
  {
    id: "10001",
    name: "In Review",
    statusCategory: { id: 4, key: "indeterminate", name: "In Progress" },
  },
  { id: "10002", name: "Done", statusCategory: { id: 3, key: "done", name: "Done" } },
  { id: "10003", name: "Won't Do", statusCategory: { id: 3, key: "done", name: "Done" } },
];

export const jiraPriorities = [
  { id: "1", name: "Highest" },
  { id: "2", name: "High" },
  { id: "3", name: "Medium" },
  { id: "4", name: "Low" },
];

export const jiraIssueTypes = [
  { id: "10000", name: "Epic", hierarchyLevel: 1, subtask: false },
  { id: "10001", name: "Story", hierarchyLevel: 0, subtask: false },
  { id: "10002", name: "Task", hierarchyLevel: 0, subtask: false },
  { id: "10004", name: "Bug", hierarchyLevel: 0, subtask: false },
];

export const sprintField = "customfield_10020";
export const storyPointsField = "customfield_10016";

export const jiraFields = [
  { id: "summary", name: "Summary", custom: false, schema: { type: "string", system: "summary" } },
  { id: "status", name: "Status", custom: false, schema: { type: "status", system: "status" } },
  {
    id: sprintField,
    name: "Sprint",
    custom: true,
    schema: {
      type: "array",
      items: "json",
      custom: "com.pyxis.greenhopper.jira:gh-sprint",
      customId: 10020,
    },
  },
  {
    id: storyPointsField,
    name: "Story point estimate",
    custom: true,
    schema: {
      type: "number",
      custom: "com.pyxis.greenhopper.jira:jsw-story-points",
      customId: 10016,
    },
  },
  {
    id: "customfield_10042",
    name: "Customer",
    custom: true,
    schema: {
      type: "string",
      custom: "com.atlassian.jira.plugin.system.customfieldtypes:textfield",
      customId: 10042,
    },
  },
];

export const jiraSprints = [
  { id: 1, name: "ORB Sprint 1", state: "closed", boardId: 1, goal: "Ship the orbit view" },
  { id: 2, name: "ORB Sprint 2", state: "active", boardId: 1, goal: "" },
  { id: 3, name: "ORB Sprint 3", state: "future", boardId: 1, goal: "" },
].map((sprint, index) => ({
  ...sprint,
  startDate: new Date(Date.UTC(2026, 9, 1 + index * 14)).toISOString(),
  endDate: new Date(Date.UTC(2026, 9, 15 + index * 14)).toISOString(),
}));

export interface JiraSeedOptions {
  projectKey?: string;
  projectName?: string;
  /** Default 300. */
  issues?: number;
  /** Comments on issue n (1-based); default a few, one issue with 25 (more than search carries). */
  commentsPerIssue?: (n: number) => number;
}

export interface JiraSeed {
  project: { id: string; key: string; name: string };
  issueCount: number;
  commentsOf(n: number): number;
}

export function jiraSeed(options: JiraSeedOptions = {}): JiraSeed {
  const key = options.projectKey ?? "ORB";
  return {
    project: { id: "10000", key, name: options.projectName ?? "Orbit" },
    issueCount: options.issues ?? 300,
    commentsOf: options.commentsPerIssue ?? ((n) => (n === 7 ? 25 : n % 4)),
  };
}

/** Issue ids start here: `Parent` in a CSV export and `parent.id` name these, not keys. */
const firstIssueId = 10_000;
export const issueIdOf = (n: number) => String(firstIssueId + n);
export const issueNumberOf = (id: string) => Number(id) - firstIssueId;
const epicCount = 5;
export const attachmentIssue = 2;
export const attachmentId = "10100";
export const attachmentBody = "Orbit telemetry\nt,altitude\n0,400\n1,401\n";

/** Jira's own timestamp form: milliseconds and an offset without a colon. */
export function jiraTime(ms: number, offsetMinutes = 60): string {
  const shifted = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${shifted}${sign}${hh}${mm}`;
}

const base = Date.UTC(2026, 0, 5, 9, 0, 0);
const hour = 3_600_000;

const text = (value: string) => ({ type: "text", text: value });
const paragraph = (...content: unknown[]) => ({ type: "paragraph", content });

/** ADF with what the converter must carry: mentions, marks, links, lists, code, a table. */
export function descriptionOf(n: number) {
  const user = jiraUsers[n % jiraUsers.length] as JiraUser;
  const content: unknown[] = [
    paragraph(
      text(`Issue ${n} of the seeded project. Ask `),
      { type: "mention", attrs: { id: user.accountId, text: `@${user.displayName}` } },
      text(" about "),
      {
        type: "text",
        text: "the spec",
        marks: [{ type: "link", attrs: { href: "https://example.com/spec" } }],
      },
      text(" or read the "),
      { type: "text", text: "notes", marks: [{ type: "strong" }] },
      text("."),
    ),
  ];
  if (n % 3 === 0) {
    content.push({
      type: "bulletList",
      content: [
        { type: "listItem", content: [paragraph(text("first step"))] },
        { type: "listItem", content: [paragraph(text("second step"))] },
      ],
    });
  }
  if (n % 5 === 0) {
    content.push({
      type: "codeBlock",
      attrs: { language: "ts" },
      content: [text(`const orbit = ${n};\nconsole.log(orbit);`)],
    });
  }
  if (n === 1) {
    const cell = (kind: string, value: string) => ({
      type: kind,
      content: [paragraph(text(value))],
    });
    content.push({
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [cell("tableHeader", "Metric"), cell("tableHeader", "Value")],
        },
        { type: "tableRow", content: [cell("tableCell", "Altitude"), cell("tableCell", "400 km")] },
      ],
    });
  }
  return { type: "doc", version: 1, content };
}

export function commentOf(n: number, c: number) {
  const author = jiraUsers[(n + c) % jiraUsers.length] as JiraUser;
  const at = jiraTime(base + n * hour + (c + 1) * 60_000);
  return {
    id: String(n * 100 + c + 1),
    author: userRef(author),
    body: {
      type: "doc",
      version: 1,
      content: [
        paragraph(text(`Comment ${c + 1} on issue ${n}; see `), {
          type: "inlineCard",
          attrs: { url: "https://example.com/c" },
        }),
      ],
    },
    created: at,
    updated: at,
    jsdPublic: true,
  };
}

function userRef(user: JiraUser) {
  const { accountId, displayName, emailAddress, active, accountType } = user;
  return { accountId, displayName, ...(emailAddress ? { emailAddress } : {}), active, accountType };
}

/** Every field of issue n as `/search/jql` returns it with `fields: ["*all"]`. */
export function issueOf(
  seed: JiraSeed,
  n: number,
  origin: string,
  edits?: Record<string, unknown>,
) {
  const epic = n <= epicCount;
  const type = epic
    ? jiraIssueTypes[0]
    : (jiraIssueTypes[1 + (n % 3)] as (typeof jiraIssueTypes)[number]);
  const status = jiraStatuses[n % jiraStatuses.length] as (typeof jiraStatuses)[number];
  const created = base + n * hour;
  const comments = seed.commentsOf(n);
  const links =
    n % 10 === 0 && n < seed.issueCount
      ? [
          {
            id: String(20_000 + n),
            type: { id: "10000", name: "Blocks", inward: "is blocked by", outward: "blocks" },
            outwardIssue: { id: issueIdOf(n + 1), key: `${seed.project.key}-${n + 1}` },
          },
        ]
      : n % 10 === 1 && n > 1
        ? [
            {
              id: String(30_000 + n),
              type: { id: "10003", name: "Relates", inward: "relates to", outward: "relates to" },
              inwardIssue: { id: issueIdOf(n - 1), key: `${seed.project.key}-${n - 1}` },
            },
          ]
        : [];
  const done = status.statusCategory.key === "done";
  const fields: Record<string, unknown> = {
    summary: epic ? `Epic ${n}: orbit milestone` : `Orbit task ${n}`,
    description: descriptionOf(n),
    issuetype: type,
    status,
    priority: jiraPriorities[n % jiraPriorities.length],
    labels: n % 2 === 0 ? ["orbit", `batch-${n % 3}`] : [],
    assignee: n % 5 === 4 ? null : userRef(jiraUsers[n % jiraUsers.length] as JiraUser),
    reporter: userRef(jiraUsers[(n + 1) % jiraUsers.length] as JiraUser),
    created: jiraTime(created),
    updated: jiraTime(created + 30 * 60_000),
    resolutiondate: done ? jiraTime(created + 2 * hour) : null,
    duedate: n % 6 === 0 ? new Date(created + 14 * 24 * hour).toISOString().slice(0, 10) : null,
    components: n % 4 === 0 ? [{ id: "10050", name: "Telemetry" }] : [],
    parent: epic
      ? undefined
      : { id: issueIdOf(1 + (n % epicCount)), key: `${seed.project.key}-${1 + (n % epicCount)}` },
    issuelinks: links,
    project: seed.project,
    [sprintField]: epic ? null : [jiraSprints[n % jiraSprints.length]],
    [storyPointsField]: epic ? null : (n % 5) + 1,
    customfield_10042: n % 7 === 0 ? "Globex" : null,
    attachment:
      n === attachmentIssue
        ? [
            {
              id: attachmentId,
              filename: "telemetry.csv",
              mimeType: "text/csv",
              size: new TextEncoder().encode(attachmentBody).length,
              created: jiraTime(created),
              content: `${origin}/rest/api/3/attachment/content/${attachmentId}`,
            },
          ]
        : [],
    comment: {
      comments: Array.from({ length: Math.min(comments, 20) }, (_, c) => commentOf(n, c)),
      maxResults: 20,
      total: comments,
      startAt: 0,
    },
    ...edits,
  };
  return {
    id: issueIdOf(n),
    key: `${seed.project.key}-${n}`,
    self: `${origin}/rest/api/3/issue/${issueIdOf(n)}`,
    fields,
  };
}
