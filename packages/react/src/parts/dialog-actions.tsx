import * as Dialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { useStrings } from "../provider/plugboard-provider";
import { ErrorMessage } from "./error-message";

export interface DialogActionsProps {
  /** The failed attempt's message, shown inside the dialog so the user can try again. */
  error: string | null;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  /** The close button's label when "Cancel" no longer fits (once the work is done, say). */
  closeLabel?: string;
  /** Shown between the error and the buttons, such as what the last attempt achieved. */
  children?: ReactNode;
}

/**
 * The end of a form inside a dialog: the error, a close button and the submit button, both
 * disabled while the submission runs so it cannot be sent twice or left half done.
 */
export function DialogActions({
  error,
  pending,
  submitLabel,
  pendingLabel,
  closeLabel,
  children,
}: DialogActionsProps) {
  const strings = useStrings();
  return (
    <>
      <ErrorMessage>{error}</ErrorMessage>
      {children}
      <div className="pb-dialog__actions">
        <Dialog.Close className="pb-button" type="button" disabled={pending}>
          {closeLabel ?? strings.cancel}
        </Dialog.Close>
        <button
          type="submit"
          className="pb-button pb-button--primary"
          disabled={pending}
          aria-busy={pending || undefined}
        >
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </>
  );
}
