import type { JiraImportDialogProps } from "../jira-import/jira-import-dialog";
import type { ConfirmDialogProps } from "../parts/confirm-dialog";
import { lazyDialog } from "../parts/lazy-dialog";
import type { ConnectWebhookDialogProps } from "./connect-webhook-dialog";

// Each dialog's code loads when it first opens (see lazyDialog); tsup.config.ts names the files.
export const ConnectWebhookDialog = lazyDialog<ConnectWebhookDialogProps>(
  async () => (await import("./connect-webhook-dialog")).ConnectWebhookDialog,
  ({ open }) => open,
);
export const UninstallDialog = lazyDialog<ConfirmDialogProps>(
  async () => (await import("../parts/confirm-dialog")).ConfirmDialog,
  ({ open }) => open,
);
export const JiraImportDialog = lazyDialog<JiraImportDialogProps>(
  async () => (await import("../jira-import/jira-import-dialog")).JiraImportDialog,
  ({ open }) => open,
);
