import { type ChangeEvent, type ReactNode, useId } from "react";
import { cx } from "../provider/root-props";

/** What a field hands its control: the id its label points at and the ARIA that ties them. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

export interface FieldProps {
  label: string;
  hint?: string | undefined;
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

export interface TextFieldProps {
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  value: string;
  onValueChange: (value: string) => void;
  /** "url" brings the URL keyboard and an `https://` placeholder. */
  type?: "text" | "url" | "password";
  /** "off" unless given: autofill has nothing for settings ("new-password" for a secret). */
  autoComplete?: string;
  placeholder?: string;
  spellCheck?: boolean;
  readOnly?: boolean;
  /** A multi-line field (a PEM certificate, say) this many rows high. */
  rows?: number;
  /** Classes after `pb-input` on the control. */
  className?: string;
}

/** A Field around a text input, or a textarea when given `rows`. */
export function TextField({
  label,
  hint,
  error,
  onValueChange,
  rows,
  className,
  ...control
}: TextFieldProps) {
  const attributes = {
    autoComplete: "off",
    ...(control.type === "url" && { inputMode: "url" as const, placeholder: "https://" }),
    ...control,
    className: cx("pb-input", className),
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      onValueChange(event.target.value),
  };
  return (
    <Field label={label} hint={hint} error={error}>
      {(props) =>
        rows === undefined ? (
          <input {...props} {...attributes} />
        ) : (
          <textarea {...props} {...attributes} rows={rows} />
        )
      }
    </Field>
  );
}
