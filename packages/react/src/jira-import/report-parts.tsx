import type { JiraImportReport } from "@plugboard/core";
import { useStrings } from "../provider/plugboard-provider";

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
      <section className="pb-jira-import__notes" aria-label={strings.jiraWarnings}>
        <h4 className="pb-jira-import__subtitle">{strings.jiraWarnings}</h4>
        {warnings.length === 0 ? (
          <p className="pb-hint">{strings.jiraNone}</p>
        ) : (
          <ul>
            {warnings.map((warning, index) => (
              // Warnings have no id; the same message may repeat for different issues.
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
              <li key={index} data-code={warning.code}>
                {warning.jiraKey && <strong>{warning.jiraKey}: </strong>}
                {warning.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="pb-jira-import__notes" aria-label={strings.jiraSkipped}>
        <h4 className="pb-jira-import__subtitle">{strings.jiraSkipped}</h4>
        {skipped.length === 0 ? (
          <p className="pb-hint">{strings.jiraNone}</p>
        ) : (
          <ul>
            {skipped.map((item) => (
              <li key={item.item}>
                <strong>{item.item}: </strong>
                {item.reason}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
