import type { ApiKey } from "@plugboard/core";
import { isPlugboardError } from "@plugboard/core/routes";
import * as Dialog from "@radix-ui/react-dialog";
import { type FormEvent, useEffect, useState } from "react";
import { DialogActions } from "../parts/dialog-actions";
import { DialogPanel } from "../parts/dialog-panel";
import { useNotify } from "../parts/toast";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { ApiKeyNameField } from "./name-field";
import { useApiKeyMutations } from "./use-api-keys";

export interface RenameApiKeyDialogProps {
  /** The key to rename; `null` closes the dialog. */
  apiKey: ApiKey | null;
  onClose: () => void;
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
}

/** Renames a key; a blank name is refused before it is sent (the field caps the length). */
export function RenameApiKeyDialog({
  apiKey,
  onClose,
  onCloseAutoFocus,
  className,
}: RenameApiKeyDialogProps) {
  const strings = useStrings();
  const notify = useNotify();
  const { update } = useApiKeyMutations();
  const [name, setName] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const pending = update.isPending;
  useEffect(() => {
    if (apiKey) {
      setName(apiKey.name);
      setInvalid(null);
    }
  }, [apiKey]);
  const close = () => {
    update.reset();
    onClose();
  };
  const serverError = isPlugboardError(update.error) ? update.error.fieldError("name") : undefined;
  const problem = invalid ?? serverError;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!apiKey) return;
    // The server trims too; anything else it refuses comes back as the field's error.
    const trimmed = name.trim();
    if (trimmed === "") {
      setInvalid(strings.apiKeyNameRequired);
      return;
    }
    if (trimmed === apiKey.name) return close();
    update.mutate(
      { id: apiKey.id, input: { name: trimmed } },
      {
        onSuccess: () => {
          notify(strings.outcomes.apiKeyRenamed(trimmed));
          close();
        },
      },
    );
  }

  return (
    <Dialog.Root open={apiKey !== null} onOpenChange={(open) => !open && !pending && close()}>
      <DialogPanel
        title={strings.apiKeyRenameTitle(apiKey?.name ?? "")}
        className={cx("pb-api-key-dialog", className)}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <form onSubmit={submit} noValidate>
          <fieldset className="pb-api-key-dialog__fieldset" disabled={pending}>
            <ApiKeyNameField
              value={name}
              onChange={(next) => {
                setName(next);
                setInvalid(null);
              }}
              error={problem}
            />
          </fieldset>
          <DialogActions
            // A refused name is already explained under the field.
            error={serverError ? null : (update.error?.message ?? null)}
            pending={pending}
            submitLabel={strings.apiKeyRenameSubmit}
            pendingLabel={strings.apiKeyRenaming}
          />
        </form>
      </DialogPanel>
    </Dialog.Root>
  );
}
