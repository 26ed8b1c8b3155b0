import type { JiraPreview, JiraSource } from "@plugboard/core";
import { useState } from "react";
import { ErrorMessage } from "../parts/error-message";
import { Field } from "../parts/field";
import { Select, type SelectProps } from "../parts/select";
import { useStrings } from "../provider/plugboard-provider";
import { StepForm } from "./step-parts";
import { useJiraHostTargets, useJiraPreview, useJiraProjects } from "./use-jira-import";

/** What an import reads and where it writes: the same for the dry run, the import and re-runs. */
export interface JiraScope {
  sourceId: string;
  projectKey: string;
  jql: string | null;
  hostProjectId: string;
}

export interface ChooseStepProps {
  source: JiraSource;
  initial: JiraScope | null;
  onBack: () => void;
  /** The scope chosen and the source read for it (discovery and a suggested mapping). */
  onChosen: (scope: JiraScope, preview: JiraPreview) => void;
  className?: string | undefined;
}

/** Step 2: the Jira project (and a JQL filter, Cloud only) and the host project to import into. */
export function ChooseStep({ source, initial, onBack, onChosen, className }: ChooseStepProps) {
  const strings = useStrings();
  const projects = useJiraProjects(source.id);
  const host = useJiraHostTargets();
  const preview = useJiraPreview();
  const [projectKey, setProjectKey] = useState(initial?.projectKey ?? "");
  const [jql, setJql] = useState(initial?.jql ?? "");
  const [hostProjectId, setHostProjectId] = useState(initial?.hostProjectId ?? "");
  const [tried, setTried] = useState(false);
  const projectOptions = (projects.data?.data ?? []).map((project) => ({
    value: project.key,
    label: `${project.name} (${project.key})`,
  }));
  const hostOptions = (host.data?.projects ?? []).map((project) => ({
    value: project.id,
    label: project.name,
  }));
  const submit = () => {
    setTried(true);
    if (!projectKey || !hostProjectId) return;
    const scope = {
      sourceId: source.id,
      projectKey,
      jql: source.kind === "cloud" && jql.trim() ? jql.trim() : null,
      hostProjectId,
    };
    preview.mutate(scope, { onSuccess: (result) => onChosen(scope, result) });
  };
  const loadError = projects.error ?? host.error;
  return (
    <StepForm
      className={className}
      onSubmit={submit}
      onBack={onBack}
      error={preview.isError ? preview.error.message : null}
      pending={preview.isPending}
      submitLabel={strings.jiraNext}
      pendingLabel={strings.jiraPreparing}
      busy={projects.isPending || host.isPending}
    >
      <ErrorMessage>{loadError?.message}</ErrorMessage>
      <ProjectField
        label={strings.jiraProject}
        prompt={strings.jiraChooseProject}
        missing={tried && !projectKey}
        value={projectKey}
        onValueChange={setProjectKey}
        options={projectOptions}
        disabled={projects.isPending}
      />
      <Field
        label={strings.jiraJql}
        hint={source.kind === "cloud" ? strings.jiraJqlHint : strings.jiraJqlCsv}
        error={undefined}
      >
        {(control) => (
          <textarea
            {...control}
            className="pb-input pb-jira-import__jql"
            rows={2}
            spellCheck={false}
            value={jql}
            disabled={source.kind !== "cloud"}
            onChange={(event) => setJql(event.target.value)}
          />
        )}
      </Field>
      <ProjectField
        label={strings.jiraHostProject}
        prompt={strings.jiraChooseHostProject}
        missing={tried && !hostProjectId}
        value={hostProjectId}
        onValueChange={setHostProjectId}
        options={hostOptions}
        disabled={host.isPending}
      />
    </StepForm>
  );
}

/** A required project choice: its prompt is the placeholder, and the error once a submit found none. */
function ProjectField({
  label,
  prompt,
  missing,
  ...select
}: { label: string; prompt: string; missing: boolean } & Pick<
  SelectProps<string>,
  "value" | "onValueChange" | "options" | "disabled"
>) {
  return (
    <Field label={label} error={missing ? prompt : undefined}>
      {(control) => <Select {...control} {...select} placeholder={prompt} />}
    </Field>
  );
}
