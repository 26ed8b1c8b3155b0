import { Select, type SelectOption } from "../parts/select";
import { useStrings } from "../provider/plugboard-provider";
import { ListOrNone, StepSection } from "./step-parts";

export interface MappingRow {
  /** The key in the mapping (a status name, an account id…). */
  key: string;
  /** What a person recognizes it by. */
  label: string;
  detail?: string | null;
  count: number;
}

export interface MappingTableProps {
  title: string;
  rows: MappingRow[];
  /** `""` stands for null: the field left empty (for people, unassigned). */
  options: SelectOption<string>[];
  values: Record<string, string | null>;
  onChange: (key: string, value: string | null) => void;
}

/** One kind of Jira value (statuses, priorities…): each value, how many issues carry it, a Select. */
export function MappingTable({ title, rows, options, values, onChange }: MappingTableProps) {
  const strings = useStrings();
  return (
    <StepSection title={title} className="pb-jira-import__mapping">
      <ListOrNone
        items={rows}
        empty={strings.jiraNothingToMap}
        className="pb-jira-import__mapping-rows"
      >
        {(row) => (
          <li key={row.key} className="pb-jira-import__mapping-row">
            <span className="pb-jira-import__mapping-from">
              <span>{row.label}</span>
              <span className="pb-hint">
                {[row.detail, strings.jiraMapCount(row.count)].filter(Boolean).join(" · ")}
              </span>
            </span>
            <Select
              aria-label={strings.jiraMapTo(row.label)}
              value={values[row.key] ?? ""}
              onValueChange={(value) => onChange(row.key, value === "" ? null : value)}
              options={options}
            />
          </li>
        )}
      </ListOrNone>
    </StepSection>
  );
}
