import type { JiraImportRun } from "@plugboard/core";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { ReportCounts, ReportNotes } from "./report-parts";
import { useCancelJiraImport, useJiraImportRun } from "./use-jira-import";

export interface ImportStepProps {
  runId: string;
  /** Runs the same import again: updated issues are updated, none duplicated. */
  onRerun: () => void;
  /** Cloud sources: a run reading only the issues updated since this one. */
  onImportChanges?: () => void;
  rerunning: boolean;
  rerunError: string | null;
  onNewImport: () => void;
  className?: string | undefined;
}

const finished = (status: JiraImportRun["status"]) =>
  status === "succeeded" || status === "failed" || status === "cancelled";

/** Step 5: the import's live progress with Cancel, then its report, with Run again. */
export function ImportStep({
  runId,
  onRerun,
  onImportChanges,
  rerunning,
  rerunError,
  onNewImport,
  className,
}: ImportStepProps) {
  const strings = useStrings();
  const query = useJiraImportRun(runId);
  const cancel = useCancelJiraImport();
  if (query.isPending) {
    return (
      <div
        className="pb-skeleton pb-skeleton--line"
        role="status"
        aria-label={strings.jiraLoading}
      />
    );
  }
  if (query.isError) {
    return (
      <div role="alert">
        <p className="pb-error">{query.error.message}</p>
        <button type="button" className="pb-button" onClick={() => void query.refetch()}>
          {strings.retry}
        </button>
      </div>
    );
  }
  const run = query.data;
  if (!finished(run.status)) {
    const { progress } = run;
    return (
      <div className={cx("pb-jira-import__progress", className)} data-state={run.status}>
        <div
          className="pb-jira-import__meter"
          role="progressbar"
          aria-label={strings.jiraProgress}
          aria-valuemin={0}
          {...(progress.total === null
            ? {}
            : { "aria-valuemax": progress.total, "aria-valuenow": progress.done })}
          aria-valuetext={strings.jiraProgressCount(progress.done, progress.total)}
        >
          <div
            className="pb-jira-import__meter-fill"
            data-indeterminate={progress.total === null || undefined}
            style={{
              width:
                progress.total === null || progress.total === 0
                  ? undefined
                  : `${(100 * progress.done) / progress.total}%`,
            }}
          />
        </div>
        <p className="pb-jira-import__progress-text" aria-live="polite">
          <strong>{strings.jiraProgressCount(progress.done, progress.total)}</strong>
          <span>
            {run.status === "running"
              ? strings.jiraProgressSteps[progress.step]
              : strings.jiraStatuses[run.status]}
          </span>
          {progress.ratePerSecond !== null && (
            <span>{strings.jiraRate(progress.ratePerSecond)}</span>
          )}
          {progress.etaSeconds !== null && <span>{strings.jiraEta(progress.etaSeconds)}</span>}
        </p>
        {cancel.isError && (
          <p role="alert" className="pb-error">
            {cancel.error.message}
          </p>
        )}
        <div className="pb-jira-import__actions">
          <button
            type="button"
            className="pb-button pb-button--danger"
            disabled={run.status === "cancelling" || cancel.isPending}
            onClick={() => cancel.mutate(run.id)}
          >
            {run.status === "cancelling" || cancel.isPending
              ? strings.jiraCancelling
              : strings.jiraCancel}
          </button>
        </div>
      </div>
    );
  }
  const { report } = run;
  const title = {
    succeeded: strings.jiraDoneTitle,
    cancelled: strings.jiraCancelledTitle,
    failed: strings.jiraFailedTitle,
  }[run.status];
  return (
    <div className={cx("pb-jira-import__report", className)} data-state={run.status}>
      <p
        className="pb-jira-import__outcome"
        role={run.status === "failed" ? "alert" : "status"}
        data-state={run.status}
      >
        <strong>{title}</strong>
        {run.error && <span> {run.error}</span>}
      </p>
      <ReportCounts
        counts={[
          [strings.jiraCreated, report.created],
          [strings.jiraUpdated, report.updated],
          [strings.jiraReportComments, report.comments],
          [strings.jiraReportAttachments, report.attachments],
        ]}
      />
      {report.issues.length > 0 && (
        <section aria-label={strings.jiraCreatedIssues}>
          <h4 className="pb-jira-import__subtitle">{strings.jiraCreatedIssues}</h4>
          <ul className="pb-jira-import__issues">
            {report.issues.map((issue) => (
              <li key={issue.jiraKey}>
                <a href={issue.url}>{issue.hostKey}</a>
                <span className="pb-hint"> ← {issue.jiraKey}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ReportNotes warnings={report.warnings} skipped={report.skipped} />
      <div className="pb-jira-import__actions">
        <button type="button" className="pb-button" onClick={onNewImport}>
          {strings.jiraNewImport}
        </button>
        <button
          type="button"
          className="pb-button pb-button--primary"
          aria-busy={rerunning || undefined}
          disabled={rerunning}
          aria-describedby={`${runId}-rerun`}
          onClick={onRerun}
        >
          {strings.jiraRerun}
        </button>
        {onImportChanges && (
          <button
            type="button"
            className="pb-button"
            aria-busy={rerunning || undefined}
            disabled={rerunning}
            aria-describedby={`${runId}-rerun`}
            onClick={onImportChanges}
          >
            {strings.jiraImportChanges}
          </button>
        )}
      </div>
      {rerunError && (
        <p role="alert" className="pb-error">
          {rerunError}
        </p>
      )}
      <p id={`${runId}-rerun`} className="pb-hint">
        {strings.jiraRerunHint}
      </p>
    </div>
  );
}
