import { PlugboardError } from "@plugboard/core";
import { type FormEvent, useId, useState } from "react";
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

  const field = (name: keyof IssueFormValues) => {
    const message = error?.fieldError(name);
    return {
      id: `${id}-${name}`,
      "aria-invalid": message ? true : undefined,
      "aria-describedby": message ? `${id}-${name}-error` : undefined,
    };
  };
  const fieldError = (name: keyof IssueFormValues) => {
    const message = error?.fieldError(name);
    return message ? (
      <span className="host-field__error" id={`${id}-${name}-error`}>
        {message}
      </span>
    ) : null;
  };

  return (
    <form className="host-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="host-field host-field--wide">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          {...field("title")}
          value={values.title}
          onChange={(event) => set("title")(event.target.value)}
          required
          maxLength={256}
        />
        {fieldError("title")}
      </div>
      <div className="host-field host-field--wide">
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea
          {...field("description")}
          value={values.description}
          onChange={(event) => set("description")(event.target.value)}
          rows={4}
        />
        {fieldError("description")}
      </div>
      <div className="host-field">
        <label htmlFor={`${id}-stateId`}>Status</label>
        <select
          {...field("stateId")}
          value={values.stateId}
          onChange={(event) => set("stateId")(event.target.value)}
        >
          {project.states.map((state) => (
            <option key={state.id} value={state.id}>
              {state.name}
            </option>
          ))}
        </select>
        {fieldError("stateId")}
      </div>
      <div className="host-field">
        <label htmlFor={`${id}-priority`}>Priority</label>
        <select
          {...field("priority")}
          value={values.priority}
          onChange={(event) => set("priority")(event.target.value)}
        >
          <option value="">No priority</option>
          {issuePrioritySchema.options.map((priority) => (
            <option key={priority} value={priority}>
              {priorityLabels[priority]}
            </option>
          ))}
        </select>
        {fieldError("priority")}
      </div>
      <div className="host-field">
        <label htmlFor={`${id}-assigneeId`}>Assignee</label>
        <select
          {...field("assigneeId")}
          value={values.assigneeId}
          onChange={(event) => set("assigneeId")(event.target.value)}
        >
          <option value="">Unassigned</option>
          {session.users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
        {fieldError("assigneeId")}
      </div>
      <div className="host-field">
        <label htmlFor={`${id}-dueDate`}>Due date</label>
        <input
          {...field("dueDate")}
          type="date"
          value={values.dueDate}
          onChange={(event) => set("dueDate")(event.target.value)}
        />
        {fieldError("dueDate")}
      </div>
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
