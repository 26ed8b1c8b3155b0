import * as Dialog from "@radix-ui/react-dialog";
import { useEffect, useId, useState } from "react";
import { useStrings } from "../provider/plugboard-provider";
import { cx, useRootProps } from "../provider/root-props";

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
  onCloseAutoFocus?: (event: Event) => void;
  className?: string;
}

type CopyState = "idle" | "copied" | "failed";

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
  // The portal renders outside the component's root, so the panel carries the theme itself.
  const rootProps = useRootProps("pb-dialog", cx("pb-secret-dialog", className));
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
        <Dialog.Content {...rootProps} onCloseAutoFocus={onCloseAutoFocus}>
          <Dialog.Title className="pb-dialog__title">{text.title}</Dialog.Title>
          <Dialog.Description className="pb-secret-dialog__warning">
            {text.warning}
          </Dialog.Description>
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
            <button
              type="button"
              className="pb-button"
              data-state={copy}
              onClick={() => void copySecret()}
            >
              {copy === "copied" ? strings.copied : strings.copy}
            </button>
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
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
