import type { JiraSource } from "@plugboard/core";
import { isPlugboardError } from "@plugboard/core/routes";
import * as Tabs from "@radix-ui/react-tabs";
import { type FormEvent, useState } from "react";
import { Field } from "../parts/field";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { useConnectJiraCloud, useJiraSources, useUploadJiraCsv } from "./use-jira-import";

export interface ConnectStepProps {
  onConnected: (source: JiraSource) => void;
  className?: string | undefined;
}

/** Errors by the first path segment of each zod issue: one message per field. */
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
  if (sources.isPending) {
    return (
      <div
        className="pb-skeleton pb-skeleton--line"
        role="status"
        aria-label={strings.jiraLoading}
      />
    );
  }
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
        <div role="alert">
          <p className="pb-error">
            {strings.jiraLoadFailed}: {sources.error.message}
          </p>
          <button type="button" className="pb-button" onClick={() => void sources.refetch()}>
            {strings.retry}
          </button>
        </div>
      )}
      {existing.length > 0 && (
        <section className="pb-jira-import__sources" aria-label={strings.jiraConnected}>
          <h4 className="pb-jira-import__subtitle">{strings.jiraConnected}</h4>
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
        </section>
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

function CloudForm({ onConnected }: { onConnected: (source: JiraSource) => void }) {
  const strings = useStrings();
  const connect = useConnectJiraCloud();
  const [values, setValues] = useState({ siteUrl: "", email: "", apiToken: "" });
  const errors = refusal(connect.error);
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));
  // The server checks the fields (and the token, with Jira) and answers each field's error.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    connect.mutate(
      { siteUrl: values.siteUrl.trim(), email: values.email.trim(), apiToken: values.apiToken },
      { onSuccess: onConnected },
    );
  };
  return (
    <form className="pb-jira-import__form" noValidate onSubmit={submit}>
      <Field
        label={strings.jiraSiteUrl}
        hint={strings.jiraSiteUrlHint}
        error={errors.field("siteUrl")}
      >
        {(control) => (
          <input
            {...control}
            className="pb-input"
            type="url"
            inputMode="url"
            placeholder="https://acme.atlassian.net"
            value={values.siteUrl}
            onChange={set("siteUrl")}
          />
        )}
      </Field>
      <Field label={strings.jiraEmail} error={errors.field("email")}>
        {(control) => (
          <input
            {...control}
            className="pb-input"
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={set("email")}
          />
        )}
      </Field>
      <Field
        label={strings.jiraApiToken}
        hint={strings.jiraApiTokenHint}
        error={errors.field("apiToken")}
      >
        {(control) => (
          <input
            {...control}
            className="pb-input"
            type="password"
            autoComplete="off"
            value={values.apiToken}
            onChange={set("apiToken")}
          />
        )}
      </Field>
      {errors.message && (
        <p role="alert" className="pb-error">
          {errors.message}
        </p>
      )}
      <div className="pb-jira-import__actions">
        <button
          type="submit"
          className="pb-button pb-button--primary"
          aria-busy={connect.isPending || undefined}
          disabled={connect.isPending}
        >
          {connect.isPending ? strings.jiraConnecting : strings.jiraConnect}
        </button>
      </div>
    </form>
  );
}

function CsvForm({ onConnected }: { onConnected: (source: JiraSource) => void }) {
  const strings = useStrings();
  const upload = useUploadJiraCsv();
  const [file, setFile] = useState<File | null>(null);
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [missingFile, setMissingFile] = useState(false);
  const errors = refusal(upload.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissingFile(!file);
    if (!file) return;
    upload.mutate({ file, query: { timeZone, name: file.name } }, { onSuccess: onConnected });
  };
  return (
    <form className="pb-jira-import__form" noValidate onSubmit={submit}>
      <Field
        label={strings.jiraCsvFile}
        hint={strings.jiraCsvFileHint}
        error={missingFile ? strings.jiraChooseFile : undefined}
      >
        {(control) => (
          <input
            {...control}
            className="pb-input"
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <Field
        label={strings.jiraCsvTimeZone}
        hint={strings.jiraCsvTimeZoneHint}
        error={errors.field("timeZone")}
      >
        {(control) => (
          <input
            {...control}
            className="pb-input"
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
          />
        )}
      </Field>
      {upload.isPending && file && (
        // fetch reports no upload progress: the bar is indeterminate, the text names the file.
        <div className="pb-jira-import__upload" role="status">
          <progress className="pb-jira-import__bar" aria-label={strings.jiraUpload} />
          <span>{strings.jiraUploading(file.name, file.size)}</span>
        </div>
      )}
      {errors.message && (
        <p role="alert" className="pb-error">
          {errors.message}
        </p>
      )}
      <div className="pb-jira-import__actions">
        <button
          type="submit"
          className="pb-button pb-button--primary"
          aria-busy={upload.isPending || undefined}
          disabled={upload.isPending}
        >
          {strings.jiraUpload}
        </button>
      </div>
    </form>
  );
}
