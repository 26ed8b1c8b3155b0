import type { FieldError } from "@plugboard/core";
import { isPlugboardError } from "@plugboard/core/routes";
import { type FormEvent, type RefObject, useRef, useState } from "react";
import { useFocusFirstInvalid } from "./use-focus-first-invalid";

/** What the form needs of each mutation it submits through (create and update, say). */
interface Submission {
  isPending: boolean;
  error: Error | null;
  reset: () => void;
}

export interface ServerForm {
  ref: RefObject<HTMLFormElement | null>;
  pending: boolean;
  /** The server's error about the field at `path` or inside it (`exact`: about the field itself). */
  fieldError: (path: string, exact?: boolean) => string | undefined;
  /** The error no field shows: one about another path, or a failure without field errors. */
  formError: string | null;
  /** The form's `onSubmit`: forgets the last attempt, then calls `send`. */
  onSubmit: (send: () => void) => (event: FormEvent) => void;
  /** Every mutation's `onError`: the field errors show beside their fields, the first focused. */
  onError: (error: Error) => void;
  /** Editing a field clears the errors under its paths; without paths, every error. */
  clearErrors: (paths?: readonly string[]) => void;
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`);

/**
 * A dialog form the server validates: it checks every field and answers each one's error, shown
 * where it belongs. `fieldPaths` are the top-level paths the form has a field for.
 */
export function useServerForm(
  fieldPaths: readonly string[],
  submissions: readonly Submission[],
): ServerForm {
  const ref = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(ref);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const failure = submissions.find((submission) => submission.error)?.error;
  return {
    ref,
    pending: submissions.some((submission) => submission.isPending),
    fieldError: (path, exact = false) =>
      errors.find((error) => (exact ? error.path === path : under(error.path, path)))?.message,
    formError:
      errors.find((error) => !fieldPaths.includes(error.path.split(".")[0] ?? ""))?.message ??
      (failure && !(isPlugboardError(failure) && failure.errors.length > 0)
        ? failure.message
        : null),
    onSubmit: (send) => (event) => {
      event.preventDefault();
      for (const submission of submissions) submission.reset();
      setErrors([]);
      send();
    },
    onError: (error) => {
      if (!(isPlugboardError(error) && error.errors.length > 0)) return;
      setErrors(error.errors);
      focusFirstInvalid();
    },
    clearErrors: (paths) =>
      setErrors((current) =>
        paths ? current.filter((error) => !paths.some((path) => under(error.path, path))) : [],
      ),
  };
}
