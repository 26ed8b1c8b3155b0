import { type ReactNode, useId } from "react";

/** What a field hands its control: the id its label points at and the ARIA that ties them. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

export interface FieldProps {
  label: string;
  hint?: string;
  /** Shown under the control, which is then marked invalid and described by it. */
  error: string | undefined;
  children: (props: FieldControlProps) => ReactNode;
}

/** A labelled form control with its error and hint, wired for screen readers. */
export function Field({ label, hint, error, children }: FieldProps) {
  const id = useId();
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" ");
  return (
    <div className="pb-field" data-invalid={error ? "" : undefined}>
      <label className="pb-field__label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {error && (
        <p id={`${id}-error`} className="pb-error">
          {error}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="pb-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
