import { lazyDialog } from "../parts/lazy-dialog";
import type { SsoConnectionFormDialogProps } from "./connection-form-dialog";

// Each dialog's code loads when it first opens (see lazyDialog); tsup.config.ts names the files.
export const SsoConnectionFormDialog = lazyDialog<SsoConnectionFormDialogProps>(
  async () => (await import("./connection-form-dialog")).SsoConnectionFormDialog,
  ({ open }) => open,
);
