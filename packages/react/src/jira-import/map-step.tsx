import type { JiraMapping, JiraPreview } from "@plugboard/core";
import { Checkbox } from "../parts/checkbox";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { MappingTable } from "./mapping-table";
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
  const leaveEmpty = { value: "", label: strings.jiraLeaveEmpty };
  const set = <Kind extends "statuses" | "priorities" | "types" | "users" | "sprints">(
    kind: Kind,
  ) => ({
    values: mapping[kind],
    onChange: (key: string, value: string | null) =>
      onChange({ ...mapping, [kind]: { ...mapping[kind], [key]: value } }),
  });
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
  return (
    <div className={cx("pb-jira-import__map", className)}>
      <MappingTable
        title={strings.jiraMapStatuses}
        rows={discovery.statuses.map((status) => ({
          key: status.name,
          label: status.name,
          count: status.count,
        }))}
        options={[
          ...preview.hostStates.map((state) => ({ value: state.id, label: state.name })),
          leaveEmpty,
        ]}
        {...set("statuses")}
      />
      <MappingTable
        title={strings.jiraMapPriorities}
        rows={discovery.priorities.map((priority) => ({
          key: priority.name,
          label: priority.name,
          count: priority.count,
        }))}
        options={[
          ...hostPriorities.map((value) => ({
            value,
            label: strings.jiraPriorityNames[value] ?? value,
          })),
          leaveEmpty,
        ]}
        {...set("priorities")}
      />
      <MappingTable
        title={strings.jiraMapTypes}
        rows={discovery.types.map((type) => ({
          key: type.name,
          label: type.name,
          count: type.count,
        }))}
        options={[
          ...[...typeLabels].map((label) => ({
            value: label,
            label: strings.jiraTypeLabel(label),
          })),
          { value: "", label: strings.jiraNoLabel },
        ]}
        {...set("types")}
      />
      <MappingTable
        title={strings.jiraMapUsers}
        rows={discovery.users.map((user) => ({
          key: user.accountId,
          label: user.name,
          detail: user.email,
          count: user.count,
        }))}
        options={[
          ...(host.data?.users ?? []).map((user) => ({ value: user.id, label: user.name })),
          { value: "", label: strings.jiraUnassigned },
        ]}
        {...set("users")}
      />
      <MappingTable
        title={strings.jiraMapSprints}
        rows={discovery.sprints.map((sprint) => ({
          key: sprint.name,
          label: sprint.name,
          count: sprint.count,
        }))}
        options={[
          ...(canCreateCycles ? [{ value: "create", label: strings.jiraCreateCycle }] : []),
          leaveEmpty,
        ]}
        {...set("sprints")}
      />
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
          aria-busy={dryRunning || undefined}
          disabled={dryRunning}
          onClick={onDryRun}
        >
          {dryRunning ? strings.jiraDryRunning : strings.jiraRunDryRun}
        </button>
      </div>
    </div>
  );
}
