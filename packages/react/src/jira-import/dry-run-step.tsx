import type { JiraDryRunReport } from "@plugboard/core";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { ReportCounts, ReportNotes } from "./report-parts";

export interface DryRunStepProps {
  report: JiraDryRunReport;
  onBack: () => void;
  onStart: () => void;
  starting: boolean;
  error: string | null;
  className?: string | undefined;
}

/** Step 4: what an import would do with this mapping. Nothing has been written. */
export function DryRunStep({
  report,
  onBack,
  onStart,
  starting,
  error,
  className,
}: DryRunStepProps) {
  const strings = useStrings();
  const unmapped = Object.entries(report.unmapped).filter(([, values]) => values.length > 0);
  return (
    <div className={cx("pb-jira-import__dry-run", className)}>
      <p className="pb-jira-import__note" role="note">
        {strings.jiraDryRunNote}
      </p>
      <ReportCounts
        counts={[
          [strings.jiraReportIssues, report.issues],
          [strings.jiraReportCreates, report.issues - report.updates],
          [strings.jiraReportUpdates, report.updates],
          [strings.jiraReportComments, report.comments],
          [strings.jiraReportAttachments, report.attachments],
        ]}
      />
      <section aria-label={strings.jiraReportByType}>
        <h4 className="pb-jira-import__subtitle">{strings.jiraReportByType}</h4>
        <ReportCounts counts={Object.entries(report.byType)} />
      </section>
      <section aria-label={strings.jiraUnmapped}>
        <h4 className="pb-jira-import__subtitle">{strings.jiraUnmapped}</h4>
        {unmapped.length === 0 ? (
          <p className="pb-hint">{strings.jiraNone}</p>
        ) : (
          <dl className="pb-jira-import__unmapped">
            {unmapped.map(([kind, values]) => (
              <div key={kind}>
                <dt>{strings.jiraUnmappedKinds[kind as keyof typeof report.unmapped]}</dt>
                <dd>{values.join(", ")}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <ReportNotes warnings={report.warnings} skipped={report.skipped} />
      {report.sample.length > 0 && (
        <section aria-label={strings.jiraSample}>
          <h4 className="pb-jira-import__subtitle">{strings.jiraSample}</h4>
          <ul className="pb-jira-import__sample">
            {report.sample.map((issue) => (
              <li key={issue.jiraKey}>
                <span className="pb-tag">{issue.jiraKey}</span> <strong>{issue.title}</strong>
                <span className="pb-hint">
                  {[...issue.labels, issue.priority, strings.jiraSampleComments(issue.comments)]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {error && (
        <p role="alert" className="pb-error">
          {error}
        </p>
      )}
      <div className="pb-jira-import__actions">
        <button type="button" className="pb-button" onClick={onBack}>
          {strings.jiraBack}
        </button>
        <button
          type="button"
          className="pb-button pb-button--primary"
          aria-busy={starting || undefined}
          disabled={starting}
          onClick={onStart}
        >
          {starting ? strings.jiraStarting : strings.jiraStart}
        </button>
      </div>
    </div>
  );
}
