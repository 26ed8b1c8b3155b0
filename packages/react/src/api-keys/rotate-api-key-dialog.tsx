import { type ApiKey, type CreatedApiKey, defaultRotationGraceSeconds } from "@plugboard/core";
import * as Dialog from "@radix-ui/react-dialog";
import { useEffect, useState } from "react";
import { DialogActions } from "../parts/dialog-actions";
import { useStrings } from "../provider/plugboard-provider";
import { cx, useRootProps } from "../provider/root-props";
import { useApiKeyMutations } from "./use-api-keys";

export interface RotateApiKeyDialogProps {
  /** The key to rotate; `null` closes the dialog. */
  apiKey: ApiKey | null;
  onClose: () => void;
  /** Receives the successor, whose secret must be shown once. */
  onRotated: (created: CreatedApiKey) => void;
  className?: string;
}

const graceChoices = [0, 3600, defaultRotationGraceSeconds, 7 * 86_400];

/** Rotates a key, letting the user choose how long the old one keeps working. */
export function RotateApiKeyDialog({
  apiKey,
  onClose,
  onRotated,
  className,
}: RotateApiKeyDialogProps) {
  const strings = useStrings();
  const { rotate } = useApiKeyMutations();
  const [grace, setGrace] = useState(defaultRotationGraceSeconds);
  const pending = rotate.isPending;
  // The portal renders outside the manager's root, so the panel carries the theme itself.
  const rootProps = useRootProps("pb-dialog", cx("pb-api-key-dialog", className));
  useEffect(() => {
    if (apiKey) setGrace(defaultRotationGraceSeconds);
  }, [apiKey]);
  const close = () => {
    rotate.reset();
    onClose();
  };

  return (
    <Dialog.Root open={apiKey !== null} onOpenChange={(open) => !open && !pending && close()}>
      <Dialog.Portal>
        <Dialog.Overlay className="pb-root pb-dialog__overlay" />
        <Dialog.Content {...rootProps}>
          <Dialog.Title className="pb-dialog__title">
            {strings.apiKeyRotateTitle(apiKey?.name ?? "")}
          </Dialog.Title>
          <Dialog.Description className="pb-dialog__description">
            {strings.apiKeyRotateBody}
          </Dialog.Description>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!apiKey) return;
              rotate.mutate(
                { id: apiKey.id, gracePeriodSeconds: grace },
                {
                  onSuccess: (created) => {
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
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
