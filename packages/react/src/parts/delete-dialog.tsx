import type { ReactNode } from "react";
import { ConfirmDialog } from "./dialogs";

/** What the dialog needs of the feature's delete mutation, which takes the item's id. */
interface Removal {
  mutate: (id: string, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  error: Error | null;
  reset: () => void;
}

export interface DeleteDialogProps {
  /** What to delete (or unlink, or remove); the dialog is open while there is one. */
  item: { id: string } | null;
  remove: Removal;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  /** After the delete succeeded, as the dialog closes: a toast, say. */
  onDeleted?: () => void;
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
}

/**
 * Confirms deleting one item. A failure stays in the dialog so the user can try again; closing
 * it forgets the failure, so the next item's dialog starts clean.
 */
export function DeleteDialog({
  item,
  remove,
  onOpenChange,
  onDeleted,
  ...text
}: DeleteDialogProps) {
  const close = () => {
    remove.reset();
    onOpenChange(false);
  };
  return (
    <ConfirmDialog
      {...text}
      open={item !== null}
      onOpenChange={(open) => (open ? onOpenChange(true) : close())}
      pending={remove.isPending}
      error={remove.error?.message ?? null}
      tone="danger"
      onConfirm={() => {
        if (!item) return;
        remove.mutate(item.id, {
          onSuccess: () => {
            onDeleted?.();
            close();
          },
        });
      }}
    />
  );
}
