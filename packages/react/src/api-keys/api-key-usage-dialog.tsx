import type { ApiKey } from "@plugboard/core";
import * as Dialog from "@radix-ui/react-dialog";
import { DialogPanel } from "../parts/dialog-panel";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { ApiKeyUsage } from "./api-key-usage";

export interface ApiKeyUsageDialogProps {
  /** The key whose usage to show; `null` closes the dialog. */
  apiKey: ApiKey | null;
  onClose: () => void;
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
}

/** A key's usage (ApiKeyUsage) in a dialog. */
export function ApiKeyUsageDialog({
  apiKey,
  onClose,
  onCloseAutoFocus,
  className,
}: ApiKeyUsageDialogProps) {
  const strings = useStrings();
  return (
    <Dialog.Root open={apiKey !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogPanel
        title={strings.apiKeyUsageTitle(apiKey?.name ?? "")}
        className={cx("pb-api-key-dialog pb-api-key-dialog--wide", className)}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        {apiKey && <ApiKeyUsage keyId={apiKey.id} />}
        <div className="pb-dialog__actions">
          <Dialog.Close className="pb-button">{strings.apiKeyClose}</Dialog.Close>
        </div>
      </DialogPanel>
    </Dialog.Root>
  );
}
