import type { ApiKey, CreatedApiKey } from "@plugboard/core";
import { defaultRotationGraceSeconds } from "@plugboard/core/routes";
import * as Dialog from "@radix-ui/react-dialog";
import { useEffect, useState } from "react";
import { DialogActions } from "../parts/dialog-actions";
import { DialogPanel } from "../parts/dialog-panel";
import { useNotify } from "../parts/toast";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { useApiKeyMutations } from "./use-api-keys";

export interface RotateApiKeyDialogProps {
  /** The key to rotate; `null` closes the dialog. */
  apiKey: ApiKey | null;
  onClose: () => void;
  /** Receives the successor, whose secret must be shown once. */
  onRotated: (created: CreatedApiKey) => void;
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
}

const graceChoices = [0, 3600, defaultRotationGraceSeconds, 7 * 86_400];

/** Rotates a key, letting the user choose how long the old one keeps working. */
export function RotateApiKeyDialog({
  apiKey,
  onClose,
  onRotated,
  onCloseAutoFocus,
  className,
}: RotateApiKeyDialogProps) {
  const strings = useStrings();
  const notify = useNotify();
  const { rotate } = useApiKeyMutations();
  const [grace, setGrace] = useState(defaultRotationGraceSeconds);
  const pending = rotate.isPending;
  useEffect(() => {
    if (apiKey) setGrace(defaultRotationGraceSeconds);
  }, [apiKey]);
  const close = () => {
    rotate.reset();
    onClose();
  };

  return (
    <Dialog.Root open={apiKey !== null} onOpenChange={(open) => !open && !pending && close()}>
      <DialogPanel
        title={strings.apiKeyRotateTitle(apiKey?.name ?? "")}
        description={strings.apiKeyRotateBody}
        className={cx("pb-api-key-dialog", className)}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!apiKey) return;
            rotate.mutate(
              { id: apiKey.id, gracePeriodSeconds: grace },
              {
                onSuccess: (created) => {
                  notify(strings.outcomes.apiKeyRotated(apiKey.name));
                  close();
                  onRotated(created);
                },
              },
            );
          }}
        >
          <fieldset className="pb-api-key-dialog__fieldset" disabled={pending}>
            <legend className="pb-api-key-dialog__label">{strings.apiKeyGrace}</legend>
            {graceChoices.map((seconds) => (
              <label key={seconds} className="pb-api-key-dialog__choice">
                <input
                  type="radio"
                  name="grace"
                  value={seconds}
                  checked={grace === seconds}
                  onChange={() => setGrace(seconds)}
                />
                {strings.apiKeyGraceOptions[String(seconds)]}
              </label>
            ))}
          </fieldset>
          <DialogActions
            error={rotate.error?.message ?? null}
            pending={pending}
            submitLabel={strings.apiKeyRotateConfirm}
            pendingLabel={strings.apiKeyRotating}
          />
        </form>
      </DialogPanel>
    </Dialog.Root>
  );
}
