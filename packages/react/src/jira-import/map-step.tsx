import type { JiraMapping, JiraPreview } from "@plugboard/core";
import { Checkbox } from "../parts/checkbox";
import type { SelectOption } from "../parts/select";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { MappingTable } from "./mapping-table";
import { StepActions, StepButton } from "./step-parts";
import { useJiraHostTargets } from "./use-jira-import";

export interface MapStepProps {
  preview: JiraPreview;
  mapping: JiraMapping;
  onChange: (mapping: JiraMapping) => void;
  onBack: () => void;
  onDryRun: () => void;
  dryRunning: boolean;
  error: string | null;
  className?: string | undefined;
}

const hostPriorities = ["urgent", "high", "medium", "low"];

/** The kinds of Jira value mapped one by one to a host value, in the order they are shown. */
const mappedKinds = ["statuses", "priorities", "types", "users", "sprints"] as const;
type MappedKind = (typeof mappedKinds)[number];

/**
 * Step 3: every value the source holds, with the suggested host value (states by status
 * category, priorities and people by name and email, sprints as new cycles) to change.
 */
export function MapStep({
  preview,
  mapping,
  onChange,
  onBack,
  onDryRun,
  dryRunning,
  error,
  className,
}: MapStepProps) {
  const strings = useStrings();
  const host = useJiraHostTargets();
  const { discovery } = preview;
  // The host can make cycles when the server suggested making one (it asks the host port).
  const canCreateCycles = Object.values(preview.suggestedMapping.sprints).includes("create");
  const typeLabels = new Set(
    Object.values({ ...preview.suggestedMapping.types, ...mapping.types }).filter(
      (label): label is string => label !== null,
    ),
  );
  const toggleField = (name: string, keep: boolean) =>
    onChange({
      ...mapping,
      customFields: keep
        ? [...mapping.customFields, name]
        : mapping.customFields.filter((field) => field !== name),
    });
  // Per kind: its title, the host values offered, and what the empty choice means.
  const kinds: Record<
    MappedKind,
    { title: string; choices: SelectOption<string>[]; empty: string }
  > = {
    statuses: {
      title: strings.jiraMapStatuses,
      choices: preview.hostStates.map((state) => ({ value: state.id, label: state.name })),
      empty: strings.jiraLeaveEmpty,
    },
    priorities: {
      title: strings.jiraMapPriorities,
      choices: hostPriorities.map((value) => ({
        value,
        label: strings.jiraPriorityNames[value] ?? value,
      })),
      empty: strings.jiraLeaveEmpty,
    },
    types: {
      title: strings.jiraMapTypes,
      choices: [...typeLabels].map((label) => ({
        value: label,
        label: strings.jiraTypeLabel(label),
      })),
      empty: strings.jiraNoLabel,
    },
    users: {
      title: strings.jiraMapUsers,
      choices: (host.data?.users ?? []).map((user) => ({ value: user.id, label: user.name })),
      empty: strings.jiraUnassigned,
    },
    sprints: {
      title: strings.jiraMapSprints,
      choices: canCreateCycles ? [{ value: "create", label: strings.jiraCreateCycle }] : [],
      empty: strings.jiraLeaveEmpty,
    },
  };
  return (
    <div className={cx("pb-jira-import__map", className)}>
      {mappedKinds.map((kind) => (
        <MappingTable
          key={kind}
          title={kinds[kind].title}
          rows={discovery[kind].map((value) =>
            // People are mapped by account id (names repeat) and shown with their email.
            "accountId" in value
              ? { key: value.accountId, label: value.name, detail: value.email, count: value.count }
              : { key: value.name, label: value.name, count: value.count },
          )}
          options={[...kinds[kind].choices, { value: "", label: kinds[kind].empty }]}
          values={mapping[kind]}
          onChange={(key, value) =>
            onChange({ ...mapping, [kind]: { ...mapping[kind], [key]: value } })
          }
        />
      ))}
      {discovery.customFields.length > 0 && (
        <fieldset className="pb-jira-import__fields">
          <legend className="pb-jira-import__subtitle">{strings.jiraMapCustomFields}</legend>
          {discovery.customFields.map((field) => (
            <label key={field.name} className="pb-jira-import__field">
              <Checkbox
                checked={mapping.customFields.includes(field.name)}
                onCheckedChange={(on) => toggleField(field.name, on)}
              />
              <span>{field.name}</span>
              <span className="pb-hint">{strings.jiraMapCount(field.count)}</span>
            </label>
          ))}
        </fieldset>
      )}
      <StepActions error={error} onBack={onBack}>
        <StepButton
          pending={dryRunning}
          label={strings.jiraRunDryRun}
          pendingLabel={strings.jiraDryRunning}
          onClick={onDryRun}
        />
      </StepActions>
    </div>
  );
}
