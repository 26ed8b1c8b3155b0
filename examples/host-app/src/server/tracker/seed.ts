import type { WorkflowStateCategory } from "@plugboard/core";
import type { Database } from "better-sqlite3";
import { demoUsers } from "../demo-identity";

const organizationId = demoUsers.ada.organizationId;

/** Plane's default states: what `providers.github.statuses` and Slack commands move issues to. */
const states: [id: string, name: string, category: WorkflowStateCategory][] = [
  ["st_backlog", "Backlog", "backlog"],
  ["st_todo", "Todo", "unstarted"],
  ["st_in_progress", "In Progress", "started"],
  ["st_in_review", "In Review", "started"],
  ["st_done", "Done", "completed"],
  ["st_cancelled", "Cancelled", "cancelled"],
];

const issues = [
  {
    title: "Checkout button misaligned on mobile",
    description: "On a 390 px screen the Pay button overflows the card.",
    state: "st_todo",
    priority: "high",
    assignee: demoUsers.ada.userId,
    due: "2026-12-11",
  },
  {
    title: "Add dark mode to the settings page",
    description: null,
    state: "st_in_progress",
    priority: "medium",
    assignee: demoUsers.grace.userId,
    due: null,
  },
  {
    title: "Export issues as CSV",
    description: "Customers ask for a CSV of the current filter.",
    state: "st_backlog",
    priority: "low",
    assignee: null,
    due: null,
  },
];

/** The demo's starting data: project DEMO, its states, three issues and the demo users. */
export function seedTracker(db: Database, now: string) {
  const insertUser = db.prepare(
    "INSERT INTO users (id, organization_id, name, email) VALUES (?, ?, ?, ?)",
  );
  insertUser.run(demoUsers.ada.userId, organizationId, "Ada Lovelace", "ada@acme.example");
  insertUser.run(demoUsers.grace.userId, organizationId, "Grace Hopper", "grace@acme.example");
  db.prepare(
    "INSERT INTO projects (id, organization_id, key, name, next_number) VALUES (?, ?, ?, ?, ?)",
  ).run("prj_demo", organizationId, "DEMO", "Demo", issues.length + 1);
  const insertState = db.prepare(
    "INSERT INTO workflow_states (id, project_id, name, category, position) VALUES (?, 'prj_demo', ?, ?, ?)",
  );
  states.forEach(([id, name, category], position) => {
    insertState.run(id, name, category, position);
  });
  const insertIssue = db.prepare(
    `INSERT INTO issues (id, organization_id, project_id, key, title, description, state_id,
       priority, assignee_id, due_date, created_at, updated_at)
     VALUES (?, ?, 'prj_demo', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  issues.forEach((issue, index) => {
    insertIssue.run(
      `iss_demo_${index + 1}`,
      organizationId,
      `DEMO-${index + 1}`,
      issue.title,
      issue.description,
      issue.state,
      issue.priority,
      issue.assignee,
      issue.due,
      now,
      now,
    );
  });
}
