import { PlugboardError } from "@plugboard/core";
import { type ChangeEvent, type FormEvent, type ReactNode, useId, useState } from "react";
import {
  issuePrioritySchema,
  type TrackerProject,
  type TrackerSession,
} from "../../shared/tracker-api";
import { priorityLabels } from "./labels";

export interface IssueFormValues {
  title: string;
  description: string;
  stateId: string;
  priority: string;
  assigneeId: string;
  dueDate: string;
}

interface IssueFormProps {
  session: TrackerSession;
  project: TrackerProject;
  initial: IssueFormValues;
  submitLabel: string;
  /** Saves the values; a PlugboardError's field errors show beside their fields. */
  onSubmit: (values: IssueFormValues) => Promise<void>;
}

/** The issue's fields, for creating one and for editing one. */
export function IssueForm({ session, project, initial, submitLabel, onSubmit }: IssueFormProps) {
  const id = useId();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<PlugboardError | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (name: keyof IssueFormValues) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (failed) {
      setError(
        failed instanceof PlugboardError ? failed : new PlugboardError({ code: "internal_error" }),
      );
    } finally {
      setSaving(false);
    }
  }

  type Name = keyof IssueFormValues;
  type Control = (props: {
    id: string;
    value: string;
    onChange: (
      event: ChangeEvent<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>,
    ) => void;
    "aria-invalid"?: true;
    "aria-describedby"?: string;
  }) => ReactNode;

  /** A labelled field; its error (from the API's problem) sits under it and describes it. */
  const row = (name: Name, label: string, control: Control, wide = false) => {
    const message = error?.fieldError(name);
    const errorId = `${id}-${name}-error`;
    return (
      <div className={wide ? "host-field host-field--wide" : "host-field"}>
        <label htmlFor={`${id}-${name}`}>{label}</label>
        {control({
          id: `${id}-${name}`,
          value: values[name],
          onChange: (event) => set(name)(event.target.value),
          ...(message ? { "aria-invalid": true, "aria-describedby": errorId } : {}),
        })}
        {message && (
          <span className="host-field__error" id={errorId}>
            {message}
          </span>
        )}
      </div>
    );
  };
  const choice = (name: Name, label: string, options: { value: string; label: string }[]) =>
    row(name, label, (props) => (
      <select {...props}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    ));

  return (
    <form className="host-form" onSubmit={(event) => void submit(event)} noValidate>
      {row(
        "title",
        "Title",
        (props) => (
          <input {...props} required maxLength={256} />
        ),
        true,
      )}
      {row(
        "description",
        "Description",
        (props) => (
          <textarea {...props} rows={4} />
        ),
        true,
      )}
      {choice(
        "stateId",
        "Status",
        project.states.map((state) => ({ value: state.id, label: state.name })),
      )}
      {choice("priority", "Priority", [
        { value: "", label: "No priority" },
        ...issuePrioritySchema.options.map((value) => ({ value, label: priorityLabels[value] })),
      ])}
      {choice("assigneeId", "Assignee", [
        { value: "", label: "Unassigned" },
        ...session.users.map((user) => ({ value: user.id, label: user.name })),
      ])}
      {row("dueDate", "Due date", (props) => (
        <input {...props} type="date" />
      ))}
      <div className="host-form__actions">
        <button type="submit" className="host-button host-button--primary" disabled={saving}>
          {saving ? "Saving…" : submitLabel}
        </button>
        {error && !error.errors.length && (
          <span role="alert" className="host-field__error">
            {error.detail}
          </span>
        )}
      </div>
    </form>
  );
}

/** The form's strings as the API's fields: empty means none. */
export function toIssueFields(values: IssueFormValues) {
  return {
    title: values.title,
    description: values.description.trim() ? values.description : null,
    stateId: values.stateId,
    priority: issuePrioritySchema.safeParse(values.priority).data ?? null,
    assigneeId: values.assigneeId || null,
    dueDate: values.dueDate || null,
  };
}
