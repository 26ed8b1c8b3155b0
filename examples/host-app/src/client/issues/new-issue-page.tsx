import type { TrackerSession } from "../../shared/tracker-api";
import { Link, navigate } from "../router";
import { trackerClient } from "../tracker-client";
import { IssueForm, toIssueFields } from "./issue-form";

/** Creates an issue in the first project, then opens it. */
export function NewIssuePage({ session }: { session: TrackerSession }) {
  const project = session.projects[0];
  if (!project) return <p>There is no project to add issues to.</p>;
  const firstOpen =
    project.states.find((state) => state.category === "unstarted") ?? project.states[0];
  return (
    <>
      <p>
        <Link href="/issues">← Issues</Link>
      </p>
      <h1>New issue in {project.name}</h1>
      <IssueForm
        session={session}
        project={project}
        initial={{
          title: "",
          description: "",
          stateId: firstOpen?.id ?? "",
          priority: "",
          assigneeId: session.user.id,
          dueDate: "",
        }}
        submitLabel="Create issue"
        onSubmit={async (values) => {
          const issue = await trackerClient.createIssue({
            projectId: project.id,
            ...toIssueFields(values),
          });
          navigate(`/issues/${issue.key}`);
        }}
      />
    </>
  );
}
