import type { JiraImportReport } from "@plugboard/core";
import { useStrings } from "../provider/plugboard-provider";
import { ListOrNone, StepSection } from "./step-parts";

/** Counts as a definition list: what a report adds up to. */
export function ReportCounts({ counts }: { counts: [label: string, value: number][] }) {
  return (
    <dl className="pb-jira-import__counts">
      {counts.map(([label, value]) => (
        <div key={label} className="pb-jira-import__count">
          <dt>{label}</dt>
          <dd>{value.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Warnings and skipped items, each with its reason; "None" when there are none. */
export function ReportNotes({ warnings, skipped }: Pick<JiraImportReport, "warnings" | "skipped">) {
  const strings = useStrings();
  return (
    <>
      <StepSection title={strings.jiraWarnings} className="pb-jira-import__notes">
        <ListOrNone items={warnings}>
          {(warning, index) => (
            // Warnings have no id and the same message may repeat: a fixed list, keyed by place.
            <li key={index} data-code={warning.code}>
              {warning.jiraKey && <strong>{warning.jiraKey}: </strong>}
              {warning.message}
            </li>
          )}
        </ListOrNone>
      </StepSection>
      <StepSection title={strings.jiraSkipped} className="pb-jira-import__notes">
        <ListOrNone items={skipped}>
          {(item) => (
            <li key={item.item}>
              <strong>{item.item}: </strong>
              {item.reason}
            </li>
          )}
        </ListOrNone>
      </StepSection>
    </>
  );
}
