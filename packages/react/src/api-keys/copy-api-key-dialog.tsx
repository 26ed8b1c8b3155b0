import * as Dialog from "@radix-ui/react-dialog";
import { useEffect, useId, useState } from "react";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";

export interface CopyApiKeyDialogProps {
  /** The new key's secret; `null` closes the dialog. */
  secret: string | null;
  /** The caller drops the secret here, so it is never shown again. */
  onClose: () => void;
  className?: string;
}

type CopyState = "idle" | "copied" | "failed";

/** Shows a just-created (or rotated) key once, with a copy button and a warning. */
export function CopyApiKeyDialog({ secret, onClose, className }: CopyApiKeyDialogProps) {
  const strings = useStrings();
  const inputId = useId();
  const [copy, setCopy] = useState<CopyState>("idle");
  useEffect(() => {
    if (secret) setCopy("idle");
  }, [secret]);

  async function copySecret() {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <Dialog.Root open={secret !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="pb-root pb-dialog__overlay" />
        <Dialog.Content className={cx("pb-root pb-dialog pb-api-key-dialog", className)}>
          <Dialog.Title className="pb-dialog__title">{strings.apiKeySecretTitle}</Dialog.Title>
          <Dialog.Description className="pb-api-key-dialog__warning">
            {strings.apiKeySecretWarning}
          </Dialog.Description>
          <label className="pb-api-key-dialog__label" htmlFor={inputId}>
            {strings.apiKeySecretLabel}
          </label>
          <div className="pb-api-key-dialog__secret">
            <input
              id={inputId}
              className="pb-input pb-api-key-dialog__secret-input"
              readOnly
              value={secret ?? ""}
              spellCheck={false}
              autoComplete="off"
              onFocus={(event) => event.currentTarget.select()}
            />
            <button
              type="button"
              className="pb-button"
              data-state={copy}
              onClick={() => void copySecret()}
            >
              {copy === "copied" ? strings.apiKeyCopied : strings.apiKeyCopy}
            </button>
          </div>
          <p
            role="status"
            className={cx("pb-api-key-dialog__status", copy === "failed" && "pb-error")}
          >
            {copy === "failed" ? strings.apiKeyCopyFailed : ""}
          </p>
          <div className="pb-dialog__actions">
            <Dialog.Close className="pb-button pb-button--primary">
              {strings.apiKeyDone}
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
