import type { JiraDryRunReport } from "@plugboard/core";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { ReportCounts, ReportNotes } from "./report-parts";
import { StepActions, StepButton, StepSection } from "./step-parts";

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
      <StepSection title={strings.jiraReportByType}>
        <ReportCounts counts={Object.entries(report.byType)} />
      </StepSection>
      <StepSection title={strings.jiraUnmapped}>
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
      </StepSection>
      <ReportNotes warnings={report.warnings} skipped={report.skipped} />
      {report.sample.length > 0 && (
        <StepSection title={strings.jiraSample}>
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
        </StepSection>
      )}
      <StepActions error={error} onBack={onBack}>
        <StepButton
          pending={starting}
          label={strings.jiraStart}
          pendingLabel={strings.jiraStarting}
          onClick={onStart}
        />
      </StepActions>
    </div>
  );
}
