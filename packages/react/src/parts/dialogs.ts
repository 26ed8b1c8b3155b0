import type { ConfirmDialogProps } from "./confirm-dialog";
import { lazyDialog } from "./lazy-dialog";

/** The confirmation dialog, loaded when it first opens; features confirm through this one. */
export const ConfirmDialog = lazyDialog<ConfirmDialogProps>(
  async () => (await import("./confirm-dialog")).ConfirmDialog,
  ({ open }) => open,
);
