import * as AlertDialog from "@radix-ui/react-alert-dialog";
import type { ReactNode } from "react";
import { useStrings } from "../provider/plugboard-provider";
import { cx, useRootProps } from "../provider/root-props";
import { ErrorMessage } from "./error-message";

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  /** Choices that go with the confirmation, between the description and the actions. */
  children?: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The failed attempt's message, shown inside the dialog so the user can try again. */
  error: string | null;
  tone?: "danger" | "primary";
  onConfirm: () => void;
  /** Where focus goes when the dialog closes (Radix's default: the element focused before). */
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
}

/** An alert dialog that stays open (and undismissable) while its action runs. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  confirmLabel,
  pendingLabel,
  pending,
  error,
  tone = "primary",
  onConfirm,
  onCloseAutoFocus,
  className,
}: ConfirmDialogProps) {
  const strings = useStrings();
  // The portal renders outside the manager's root, so the panel carries the theme itself.
  const rootProps = useRootProps("pb-dialog", className);
  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="pb-root pb-dialog__overlay" />
        <AlertDialog.Content
          {...rootProps}
          data-state={pending ? "pending" : "open"}
          onCloseAutoFocus={onCloseAutoFocus}
        >
          <AlertDialog.Title className="pb-dialog__title">{title}</AlertDialog.Title>
          <AlertDialog.Description className="pb-dialog__description">
            {description}
          </AlertDialog.Description>
          {children}
          <ErrorMessage>{error}</ErrorMessage>
          <div className="pb-dialog__actions">
            <AlertDialog.Cancel className="pb-button" disabled={pending}>
              {strings.cancel}
            </AlertDialog.Cancel>
            <button
              type="button"
              className={cx("pb-button", `pb-button--${tone}`)}
              disabled={pending}
              aria-busy={pending || undefined}
              onClick={onConfirm}
            >
              {pending ? pendingLabel : confirmLabel}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
