import { lazyDialog } from "../parts/lazy-dialog";
import type { SecretRevealDialogProps } from "../parts/secret-reveal-dialog";
import type { RecoverMessagesDialogProps } from "./recover-messages-dialog";
import type { RotateSecretDialogProps } from "./rotate-secret-dialog";
import type { WebhookFormDialogProps } from "./webhook-form-dialog";

// Each dialog's code loads when it first opens (see lazyDialog); tsup.config.ts names the files.
export const RecoverMessagesDialog = lazyDialog<RecoverMessagesDialogProps>(
  async () => (await import("./recover-messages-dialog")).RecoverMessagesDialog,
  ({ open }) => open,
);
export const RotateSecretDialog = lazyDialog<RotateSecretDialogProps>(
  async () => (await import("./rotate-secret-dialog")).RotateSecretDialog,
  ({ endpoint }) => endpoint !== null,
);
export const WebhookFormDialog = lazyDialog<WebhookFormDialogProps>(
  async () => (await import("./webhook-form-dialog")).WebhookFormDialog,
  ({ open }) => open,
);
export const WebhookSecretDialog = lazyDialog<SecretRevealDialogProps>(
  async () => (await import("../parts/secret-reveal-dialog")).SecretRevealDialog,
  ({ secret }) => secret !== null,
);
