import type { ApiKey } from "@plugboard/core";
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { useApiKeyMutations } from "./use-api-keys";

export interface RevokeApiKeyDialogProps {
  /** The key to revoke; `null` closes the dialog. */
  apiKey: ApiKey | null;
  onClose: () => void;
  className?: string;
}

/** Confirms a revocation; stays open and undismissable while it runs, and shows a failure. */
export function RevokeApiKeyDialog({ apiKey, onClose, className }: RevokeApiKeyDialogProps) {
  const strings = useStrings();
  const { revoke } = useApiKeyMutations();
  const pending = revoke.isPending;
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <AlertDialog.Root open={apiKey !== null} onOpenChange={(open) => !open && !pending && close()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="pb-root pb-dialog__overlay" />
        <AlertDialog.Content className={cx("pb-root pb-dialog pb-api-key-dialog", className)}>
          <AlertDialog.Title className="pb-dialog__title">
            {strings.apiKeyRevokeTitle(apiKey?.name ?? "")}
          </AlertDialog.Title>
          <AlertDialog.Description className="pb-dialog__description">
            {strings.apiKeyRevokeBody}
          </AlertDialog.Description>
          {revoke.error && (
            <p role="alert" className="pb-error">
              {revoke.error.message}
            </p>
          )}
          <div className="pb-dialog__actions">
            <AlertDialog.Cancel className="pb-button" disabled={pending}>
              {strings.cancel}
            </AlertDialog.Cancel>
            <button
              type="button"
              className="pb-button pb-button--danger"
              disabled={pending}
              aria-busy={pending || undefined}
              onClick={() => {
                if (apiKey) revoke.mutate(apiKey.id, { onSuccess: close });
              }}
            >
              {pending ? strings.apiKeyRevoking : strings.apiKeyRevokeConfirm}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
