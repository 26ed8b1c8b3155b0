import type { JiraSource } from "@plugboard/core";
import { isPlugboardError } from "@plugboard/core/routes";
import * as Tabs from "@radix-ui/react-tabs";
import { type InputHTMLAttributes, useState } from "react";
import { Field } from "../parts/field";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { StepForm, StepLoadError, StepLoading, StepSection } from "./step-parts";
import { useConnectJiraCloud, useJiraSources, useUploadJiraCsv } from "./use-jira-import";

export interface ConnectStepProps {
  onConnected: (source: JiraSource) => void;
  className?: string | undefined;
}

/** The server's answer for one field, and the message when no field carries the refusal. */
function refusal(error: Error | null) {
  const fields = isPlugboardError(error) && error.errors.length > 0;
  return {
    field: (path: string) => (isPlugboardError(error) ? error.fieldError(path) : undefined),
    message: error && !fields ? error.message : null,
  };
}

/**
 * Step 1: a Jira Cloud site (checked by the server with Jira's `/myself`) or an uploaded CSV
 * export, in two tabs; or a source connected before, for a later re-run.
 */
export function ConnectStep({ onConnected, className }: ConnectStepProps) {
  const strings = useStrings();
  const sources = useJiraSources();
  const existing = sources.data?.data ?? [];
  if (sources.isPending) return <StepLoading />;
  // Imports are admin-only: a member is told so instead of filling in a form the server refuses.
  if (isPlugboardError(sources.error) && sources.error.code === "forbidden") {
    return (
      <p className={cx("pb-jira-import__notice", className)} role="note">
        {strings.jiraNeedsAdmin}
      </p>
    );
  }
  return (
    <div className={cx("pb-jira-import__connect", className)}>
      {sources.isError && (
        // The earlier sources could not be listed; a new one can still be connected.
        <StepLoadError
          message={`${strings.jiraLoadFailed}: ${sources.error.message}`}
          onRetry={() => void sources.refetch()}
        />
      )}
      {existing.length > 0 && (
        <StepSection title={strings.jiraConnected} className="pb-jira-import__sources">
          <ul>
            {existing.map((source) => (
              <li key={source.id}>
                <button type="button" className="pb-button" onClick={() => onConnected(source)}>
                  {strings.jiraUseSource(source.name)}
                </button>
                <span className="pb-hint">
                  {source.kind === "cloud" ? source.siteUrl : strings.jiraSourceCsv}
                </span>
              </li>
            ))}
          </ul>
        </StepSection>
      )}
      <Tabs.Root defaultValue="cloud" className="pb-jira-import__tabs">
        <Tabs.List aria-label={strings.jiraSourceKinds} className="pb-jira-import__tab-list">
          <Tabs.Trigger value="cloud" className="pb-jira-import__tab">
            {strings.jiraSourceCloud}
          </Tabs.Trigger>
          <Tabs.Trigger value="csv" className="pb-jira-import__tab">
            {strings.jiraSourceCsv}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="cloud" className="pb-jira-import__panel">
          <CloudForm onConnected={onConnected} />
        </Tabs.Content>
        <Tabs.Content value="csv" className="pb-jira-import__panel">
          <CsvForm onConnected={onConnected} />
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}

/** A labelled text input of a source form. */
function InputField({
  label,
  hint,
  error,
  ...input
}: {
  label: string;
  hint?: string;
  error: string | undefined;
} & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} {...(hint ? { hint } : {})} error={error}>
      {(control) => <input {...control} className="pb-input" {...input} />}
    </Field>
  );
}

function CloudForm({ onConnected }: { onConnected: (source: JiraSource) => void }) {
  const strings = useStrings();
  const connect = useConnectJiraCloud();
  const [values, setValues] = useState({ siteUrl: "", email: "", apiToken: "" });
  const errors = refusal(connect.error);
  const field = (key: keyof typeof values) => ({
    value: values[key],
    error: errors.field(key),
    onChange: (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [key]: event.target.value })),
  });
  return (
    <StepForm
      // The server checks the fields (and the token, with Jira) and answers each field's error.
      onSubmit={() =>
        connect.mutate(
          { siteUrl: values.siteUrl.trim(), email: values.email.trim(), apiToken: values.apiToken },
          { onSuccess: onConnected },
        )
      }
      error={errors.message}
      pending={connect.isPending}
      submitLabel={strings.jiraConnect}
      pendingLabel={strings.jiraConnecting}
    >
      <InputField
        label={strings.jiraSiteUrl}
        hint={strings.jiraSiteUrlHint}
        type="url"
        inputMode="url"
        placeholder="https://acme.atlassian.net"
        {...field("siteUrl")}
      />
      <InputField label={strings.jiraEmail} type="email" autoComplete="email" {...field("email")} />
      <InputField
        label={strings.jiraApiToken}
        hint={strings.jiraApiTokenHint}
        type="password"
        autoComplete="off"
        {...field("apiToken")}
      />
    </StepForm>
  );
}

function CsvForm({ onConnected }: { onConnected: (source: JiraSource) => void }) {
  const strings = useStrings();
  const upload = useUploadJiraCsv();
  const [file, setFile] = useState<File | null>(null);
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [missingFile, setMissingFile] = useState(false);
  const errors = refusal(upload.error);
  return (
    <StepForm
      onSubmit={() => {
        setMissingFile(!file);
        if (!file) return;
        upload.mutate({ file, query: { timeZone, name: file.name } }, { onSuccess: onConnected });
      }}
      error={errors.message}
      pending={upload.isPending}
      submitLabel={strings.jiraUpload}
    >
      <InputField
        label={strings.jiraCsvFile}
        hint={strings.jiraCsvFileHint}
        error={missingFile ? strings.jiraChooseFile : undefined}
        type="file"
        accept=".csv,text/csv"
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
      />
      <InputField
        label={strings.jiraCsvTimeZone}
        hint={strings.jiraCsvTimeZoneHint}
        error={errors.field("timeZone")}
        value={timeZone}
        onChange={(event) => setTimeZone(event.target.value)}
      />
      {upload.isPending && file && (
        // fetch reports no upload progress: the bar is indeterminate, the text names the file.
        <div className="pb-jira-import__upload" role="status">
          <progress className="pb-jira-import__bar" aria-label={strings.jiraUpload} />
          <span>{strings.jiraUploading(file.name, file.size)}</span>
        </div>
      )}
    </StepForm>
  );
}
