import { type FormEvent, useCallback, useState } from "react";
import type { IssueDetail, TrackerSession } from "../../shared/tracker-api";
import { Link } from "../router";
import { trackerClient } from "../tracker-client";
import { useLoad } from "../use-load";
import { IssueForm, toIssueFields } from "./issue-form";
import { assigneeName, formatDueDate, priorityLabel, stateOf } from "./labels";
import { StateBadge } from "./state-badge";

/** One issue: its fields (editable), and its comments, GitHub's mentions among them. */
export function IssueDetailPage({
  session,
  issueKey,
}: {
  session: TrackerSession;
  issueKey: string;
}) {
  const {
    data: detail,
    error,
    reload,
  } = useLoad(useCallback(() => trackerClient.getIssue(issueKey), [issueKey]));
  const [saved, setSaved] = useState("");

  if (error) {
    return (
      <>
        <p>
          <Link href="/issues">← Issues</Link>
        </p>
        <p role="alert">{error}</p>
      </>
    );
  }
  if (!detail) return <p role="status">Loading {issueKey}…</p>;
  const { issue } = detail;
  const project = session.projects.find((candidate) => candidate.id === issue.projectId);
  const state = stateOf(session, issue);
  return (
    <>
      <p>
        <Link href="/issues">← Issues</Link>
      </p>
      <h1>
        <span className="host-muted">{issue.key}</span> {issue.title}
      </h1>
      <dl className="host-facts" aria-label="Summary">
        <div>
          <dt>Status</dt>
          <dd>
            <StateBadge state={state} />
          </dd>
        </div>
        <div>
          <dt>Priority</dt>
          <dd>{priorityLabel(issue.priority)}</dd>
        </div>
        <div>
          <dt>Assignee</dt>
          <dd>{assigneeName(session, issue.assigneeId)}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{formatDueDate(issue.dueDate)}</dd>
        </div>
      </dl>
      <section aria-labelledby="edit-issue" className="host-card">
        <h2 id="edit-issue">Edit</h2>
        {project && (
          <IssueForm
            key={issue.updatedAt}
            session={session}
            project={project}
            initial={{
              title: issue.title,
              description: issue.description ?? "",
              stateId: issue.stateId,
              priority: issue.priority ?? "",
              assigneeId: issue.assigneeId ?? "",
              dueDate: issue.dueDate?.slice(0, 10) ?? "",
            }}
            submitLabel="Save changes"
            onSubmit={async (values) => {
              await trackerClient.updateIssue(issue.key, toIssueFields(values));
              reload();
              setSaved(`Saved ${new Date().toLocaleTimeString()}`);
            }}
          />
        )}
        <p role="status" className="host-muted">
          {saved}
        </p>
      </section>
      <Comments
        issueKey={issue.key}
        comments={detail.comments}
        session={session}
        onAdded={reload}
      />
    </>
  );
}

function Comments({
  issueKey,
  comments,
  session,
  onAdded,
}: {
  issueKey: string;
  comments: IssueDetail["comments"];
  session: TrackerSession;
  onAdded: () => void;
}) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await trackerClient.addComment(issueKey, body);
      setBody("");
      setError(null);
      onAdded();
    } catch (failed) {
      setError(failed instanceof Error ? failed.message : "Failed");
    }
  }

  return (
    <section aria-labelledby="comments" className="host-card">
      <h2 id="comments">Comments</h2>
      {comments.length === 0 ? (
        <p className="host-muted">No comments yet.</p>
      ) : (
        <ul className="host-comments">
          {comments.map((comment) => (
            <li key={comment.id}>
              <strong>
                {comment.authorId ? assigneeName(session, comment.authorId) : "GitHub"}
              </strong>{" "}
              <span className="host-muted">{new Date(comment.createdAt).toLocaleString()}</span>
              <p>{comment.body}</p>
            </li>
          ))}
        </ul>
      )}
      <form className="host-form" onSubmit={(event) => void submit(event)}>
        <div className="host-field host-field--wide">
          <label htmlFor="new-comment">Add a comment</label>
          <textarea
            id="new-comment"
            value={body}
            onChange={(event) => setBody(event.target.value)}
            rows={2}
          />
        </div>
        <div className="host-form__actions">
          <button type="submit" className="host-button">
            Comment
          </button>
          {error && <span role="alert">{error}</span>}
        </div>
      </form>
    </section>
  );
}
