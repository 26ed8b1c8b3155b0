import type { JiraImportRun } from "@plugboard/core";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { ReportCounts, ReportNotes } from "./report-parts";
import { StepActions, StepButton, StepLoadError, StepLoading, StepSection } from "./step-parts";
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
  if (query.isPending) return <StepLoading />;
  if (query.isError) {
    return <StepLoadError message={query.error.message} onRetry={() => void query.refetch()} />;
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
        <StepActions error={cancel.isError ? cancel.error.message : null}>
          <StepButton
            tone="danger"
            pending={run.status === "cancelling" || cancel.isPending}
            label={strings.jiraCancel}
            pendingLabel={strings.jiraCancelling}
            onClick={() => cancel.mutate(run.id)}
          />
        </StepActions>
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
        <StepSection title={strings.jiraCreatedIssues}>
          <ul className="pb-jira-import__issues">
            {report.issues.map((issue) => (
              <li key={issue.jiraKey}>
                <a href={issue.url}>{issue.hostKey}</a>
                <span className="pb-hint"> ← {issue.jiraKey}</span>
              </li>
            ))}
          </ul>
        </StepSection>
      )}
      <ReportNotes warnings={report.warnings} skipped={report.skipped} />
      <StepActions error={rerunError}>
        <button type="button" className="pb-button" onClick={onNewImport}>
          {strings.jiraNewImport}
        </button>
        <StepButton
          pending={rerunning}
          label={strings.jiraRerun}
          aria-describedby={`${runId}-rerun`}
          onClick={onRerun}
        />
        {onImportChanges && (
          <StepButton
            tone="plain"
            pending={rerunning}
            label={strings.jiraImportChanges}
            aria-describedby={`${runId}-rerun`}
            onClick={onImportChanges}
          />
        )}
      </StepActions>
      <p id={`${runId}-rerun`} className="pb-hint">
        {strings.jiraRerunHint}
      </p>
    </div>
  );
}
