import type { ApiKey } from "@plugboard/core";
import { ConfirmDialog } from "../parts/confirm-dialog";
import { useNotify } from "../parts/toast";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { useApiKeyMutations } from "./use-api-keys";

export interface RevokeApiKeyDialogProps {
  /** The key to revoke; `null` closes the dialog. */
  apiKey: ApiKey | null;
  onClose: () => void;
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
}

/** Confirms a revocation; stays open and undismissable while it runs, and shows a failure. */
export function RevokeApiKeyDialog({
  apiKey,
  onClose,
  onCloseAutoFocus,
  className,
}: RevokeApiKeyDialogProps) {
  const strings = useStrings();
  const notify = useNotify();
  const { revoke } = useApiKeyMutations();
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={apiKey !== null}
      onOpenChange={(open) => !open && close()}
      title={strings.apiKeyRevokeTitle(apiKey?.name ?? "")}
      description={strings.apiKeyRevokeBody}
      confirmLabel={strings.apiKeyRevokeConfirm}
      pendingLabel={strings.apiKeyRevoking}
      pending={revoke.isPending}
      error={revoke.error?.message ?? null}
      tone="danger"
      onConfirm={() => {
        if (!apiKey) return;
        revoke.mutate(apiKey.id, {
          onSuccess: () => {
            notify(strings.outcomes.apiKeyRevoked(apiKey.name));
            close();
          },
        });
      }}
      onCloseAutoFocus={onCloseAutoFocus}
      className={cx("pb-api-key-dialog", className)}
    />
  );
}
