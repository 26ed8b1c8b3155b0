import type { JiraImportDialogProps } from "../jira-import/jira-import-dialog";
import { ConfirmDialog } from "../parts/dialogs";
import { lazyDialog } from "../parts/lazy-dialog";
import type { ConnectWebhookDialogProps } from "./connect-webhook-dialog";

// Each dialog's code loads when it first opens (see lazyDialog); tsup.config.ts names the files.
export const ConnectWebhookDialog = lazyDialog<ConnectWebhookDialogProps>(
  async () => (await import("./connect-webhook-dialog")).ConnectWebhookDialog,
  ({ open }) => open,
);
export const UninstallDialog = ConfirmDialog;
export const JiraImportDialog = lazyDialog<JiraImportDialogProps>(
  async () => (await import("../jira-import/jira-import-dialog")).JiraImportDialog,
  ({ open }) => open,
);
