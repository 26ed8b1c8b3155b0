import * as Dialog from "@radix-ui/react-dialog";
import { useEffect, useId, useState } from "react";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { CopyButton, type CopyState } from "./copy-field";
import { DialogPanel } from "./dialog-panel";

export interface SecretRevealText {
  title: string;
  /** Says the secret will not be shown again. */
  warning: string;
  label: string;
  copyFailed: string;
}

export interface SecretRevealDialogProps {
  /** The secret to show; `null` closes the dialog. */
  secret: string | null;
  /** Called when the user is done: the caller forgets the secret, so it is never shown again. */
  onClose: () => void;
  text: SecretRevealText;
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
}

/** Shows a just-issued secret (API key, signing secret) once, with a copy button and a warning. */
export function SecretRevealDialog({
  secret,
  onClose,
  text,
  onCloseAutoFocus,
  className,
}: SecretRevealDialogProps) {
  const strings = useStrings();
  const inputId = useId();
  const [copy, setCopy] = useState<CopyState>("idle");
  useEffect(() => {
    if (secret) setCopy("idle");
  }, [secret]);

  return (
    <Dialog.Root open={secret !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogPanel
        title={text.title}
        description={text.warning}
        descriptionClassName="pb-secret-dialog__warning"
        className={cx("pb-secret-dialog", className)}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <label className="pb-field__label" htmlFor={inputId}>
          {text.label}
        </label>
        <div className="pb-secret-dialog__value">
          <input
            id={inputId}
            className="pb-input pb-secret-dialog__input"
            readOnly
            value={secret ?? ""}
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton value={secret ?? ""} state={copy} onStateChange={setCopy} />
        </div>
        <p
          role="status"
          className={cx("pb-secret-dialog__status", copy === "failed" && "pb-error")}
        >
          {copy === "failed" ? text.copyFailed : ""}
        </p>
        <div className="pb-dialog__actions">
          <Dialog.Close className="pb-button pb-button--primary">{strings.done}</Dialog.Close>
        </div>
      </DialogPanel>
    </Dialog.Root>
  );
}
