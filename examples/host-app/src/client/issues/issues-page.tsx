import { useCallback, useEffect, useState } from "react";
import type { TrackerSession } from "../../shared/tracker-api";
import { Link } from "../router";
import { trackerClient } from "../tracker-client";
import { useLoad } from "../use-load";
import { assigneeName, formatDueDate, priorityLabel, stateOf } from "./labels";
import { StateBadge } from "./state-badge";

const columns = ["Key", "Title", "Status", "Priority", "Assignee", "Due"] as const;
const refreshMs = 3000;

/** Every issue, most recently updated first, with a search box; a card per row when narrow. */
export function IssuesPage({ session }: { session: TrackerSession }) {
  const [query, setQuery] = useState("");
  const {
    data: issues,
    error,
    reload,
  } = useLoad(useCallback(() => trackerClient.listIssues(query), [query]));
  // Others change issues too (a merged pull request, a teammate): keep the list current.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") reload();
    }, refreshMs);
    return () => clearInterval(timer);
  }, [reload]);

  return (
    <>
      <div className="host-title-row">
        <h1>Issues</h1>
        <Link className="host-button host-button--primary" href="/issues/new">
          New issue
        </Link>
      </div>
      <p className="host-lead">
        Project {session.projects.map((project) => project.name).join(", ")}. Pull requests that
        mention a key (DEMO-1) move it: In Review when opened, Done when merged.
      </p>
      <div className="host-field host-search">
        <label htmlFor="issue-search">Search issues</label>
        <input
          id="issue-search"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Key, title or description"
        />
      </div>
      {error && <p role="alert">{error}</p>}
      {issues === null && !error && <p role="status">Loading issues…</p>}
      {issues && (
        <table aria-label="Issues" className="host-issues">
          <thead>
            <tr>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {issues.length === 0 && (
              <tr>
                <td colSpan={columns.length}>No issues match.</td>
              </tr>
            )}
            {issues.map((issue) => (
              <tr key={issue.id}>
                <td className="host-issues__key">
                  <Link href={`/issues/${issue.key}`}>{issue.key}</Link>
                </td>
                <td className="host-issues__title">{issue.title}</td>
                <td data-label="Status">
                  <StateBadge state={stateOf(session, issue)} />
                </td>
                <td data-label="Priority">{priorityLabel(issue.priority)}</td>
                <td data-label="Assignee">{assigneeName(session, issue.assigneeId)}</td>
                <td data-label="Due">{formatDueDate(issue.dueDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
