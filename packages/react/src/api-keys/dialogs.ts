import { lazyDialog } from "../parts/lazy-dialog";
import type { ApiKeyUsageDialogProps } from "./api-key-usage-dialog";
import type { CopyApiKeyDialogProps } from "./copy-api-key-dialog";
import type { CreateApiKeyDialogProps } from "./create-api-key-dialog";
import type { RenameApiKeyDialogProps } from "./rename-api-key-dialog";
import type { RevokeApiKeyDialogProps } from "./revoke-api-key-dialog";
import type { RotateApiKeyDialogProps } from "./rotate-api-key-dialog";

// Each dialog's code loads when it first opens (see lazyDialog); tsup.config.ts names the files.
export const ApiKeyUsageDialog = lazyDialog<ApiKeyUsageDialogProps>(
  async () => (await import("./api-key-usage-dialog")).ApiKeyUsageDialog,
  ({ apiKey }) => apiKey !== null,
);
export const CopyApiKeyDialog = lazyDialog<CopyApiKeyDialogProps>(
  async () => (await import("./copy-api-key-dialog")).CopyApiKeyDialog,
  ({ secret }) => secret !== null,
);
export const CreateApiKeyDialog = lazyDialog<CreateApiKeyDialogProps>(
  async () => (await import("./create-api-key-dialog")).CreateApiKeyDialog,
  ({ open }) => open,
);
export const RenameApiKeyDialog = lazyDialog<RenameApiKeyDialogProps>(
  async () => (await import("./rename-api-key-dialog")).RenameApiKeyDialog,
  ({ apiKey }) => apiKey !== null,
);
export const RevokeApiKeyDialog = lazyDialog<RevokeApiKeyDialogProps>(
  async () => (await import("./revoke-api-key-dialog")).RevokeApiKeyDialog,
  ({ apiKey }) => apiKey !== null,
);
export const RotateApiKeyDialog = lazyDialog<RotateApiKeyDialogProps>(
  async () => (await import("./rotate-api-key-dialog")).RotateApiKeyDialog,
  ({ apiKey }) => apiKey !== null,
);
