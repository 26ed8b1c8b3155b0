/**
 * The demo tracker's own tables, in a SQLite file of their own (`tracker.db`): the host's data
 * is not Plugboard's, and a separate file keeps each side's migrations and write lock apart.
 * Each entry runs once, in order; `PRAGMA user_version` records how many have run.
 */
export const migrations = [
  `CREATE TABLE users (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    UNIQUE (organization_id, email)
  );
  CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    next_number INTEGER NOT NULL DEFAULT 1,
    UNIQUE (organization_id, key)
  );
  CREATE TABLE workflow_states (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects (id),
    name TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('backlog', 'unstarted', 'started', 'completed', 'cancelled')),
    position INTEGER NOT NULL
  );
  CREATE TABLE issues (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL,
    project_id TEXT NOT NULL REFERENCES projects (id),
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT,
    state_id TEXT NOT NULL REFERENCES workflow_states (id),
    priority TEXT CHECK (priority IN ('urgent', 'high', 'medium', 'low')),
    assignee_id TEXT REFERENCES users (id),
    due_date TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (organization_id, key)
  );
  CREATE INDEX issues_project ON issues (project_id, updated_at);
  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    issue_id TEXT NOT NULL REFERENCES issues (id),
    body TEXT NOT NULL,
    author_id TEXT REFERENCES users (id),
    created_at TEXT NOT NULL
  );
  CREATE INDEX comments_issue ON comments (issue_id, created_at);`,
  // What importers (Jira) carry over: where an issue came from, labels, history, cycles and files.
  `ALTER TABLE issues ADD COLUMN external_id TEXT;
  ALTER TABLE issues ADD COLUMN external_url TEXT;
  ALTER TABLE issues ADD COLUMN labels TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE issues ADD COLUMN reporter_id TEXT REFERENCES users (id);
  ALTER TABLE issues ADD COLUMN parent_id TEXT REFERENCES issues (id);
  ALTER TABLE issues ADD COLUMN cycle_id TEXT;
  ALTER TABLE issues ADD COLUMN estimate REAL;
  ALTER TABLE issues ADD COLUMN completed_at TEXT;
  CREATE UNIQUE INDEX issues_external ON issues (organization_id, external_id)
    WHERE external_id IS NOT NULL;
  ALTER TABLE comments ADD COLUMN external_id TEXT;
  CREATE UNIQUE INDEX comments_external ON comments (issue_id, external_id)
    WHERE external_id IS NOT NULL;
  CREATE INDEX comments_external_id ON comments (external_id);
  CREATE TABLE cycles (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects (id),
    name TEXT NOT NULL,
    starts_at TEXT,
    ends_at TEXT,
    UNIQUE (project_id, name)
  );
  CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    issue_id TEXT NOT NULL REFERENCES issues (id),
    external_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    UNIQUE (issue_id, external_id)
  );`,
];
