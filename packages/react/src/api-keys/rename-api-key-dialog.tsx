import { type ApiKey, isPlugboardError, updateApiKeySchema } from "@plugboard/core";
import * as Dialog from "@radix-ui/react-dialog";
import { type FormEvent, useEffect, useState } from "react";
import { DialogActions } from "../parts/dialog-actions";
import { useStrings } from "../provider/plugboard-provider";
import { cx, useRootProps } from "../provider/root-props";
import { ApiKeyNameField } from "./name-field";
import { useApiKeyMutations } from "./use-api-keys";

export interface RenameApiKeyDialogProps {
  /** The key to rename; `null` closes the dialog. */
  apiKey: ApiKey | null;
  onClose: () => void;
  className?: string;
}

/** Renames a key; the name is checked with the server's own rule before it is sent. */
export function RenameApiKeyDialog({ apiKey, onClose, className }: RenameApiKeyDialogProps) {
  const strings = useStrings();
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
    const parsed = updateApiKeySchema.safeParse({ name });
    if (!parsed.success) {
      setInvalid(parsed.error.issues[0]?.message ?? strings.apiKeyNameHint);
      return;
    }
    if (parsed.data.name === apiKey.name) return close();
    update.mutate({ id: apiKey.id, input: { name: parsed.data.name } }, { onSuccess: close });
  }

  const rootProps = useRootProps("pb-dialog", cx("pb-api-key-dialog", className));
  return (
    <Dialog.Root open={apiKey !== null} onOpenChange={(open) => !open && !pending && close()}>
      <Dialog.Portal>
        <Dialog.Overlay className="pb-root pb-dialog__overlay" />
        <Dialog.Content {...rootProps} aria-describedby={undefined}>
          <Dialog.Title className="pb-dialog__title">
            {strings.apiKeyRenameTitle(apiKey?.name ?? "")}
          </Dialog.Title>
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
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
