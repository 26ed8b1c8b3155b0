import type { SsoConnection } from "@plugboard/core";
import { ConfirmDialog } from "../parts/dialogs";
import { useStrings } from "../provider/plugboard-provider";
import { useDeleteSsoConnection } from "./use-sso";

/** Confirms deleting a connection: nobody can sign in with it afterwards. */
export function DeleteConnectionDialog({
  connection,
  onOpenChange,
  onCloseAutoFocus,
  className,
}: {
  connection: SsoConnection | null;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
}) {
  const strings = useStrings();
  const remove = useDeleteSsoConnection();
  return (
    <ConfirmDialog
      open={connection !== null}
      onOpenChange={(open) => {
        if (!open) remove.reset();
        onOpenChange(open);
      }}
      title={connection ? strings.ssoDeleteTitle(connection.name) : ""}
      description={strings.ssoDeleteBody}
      confirmLabel={strings.ssoDeleteConfirm}
      pendingLabel={strings.ssoSaving}
      pending={remove.isPending}
      error={remove.error?.message ?? null}
      tone="danger"
      className={className}
      onCloseAutoFocus={onCloseAutoFocus}
      onConfirm={() => {
        if (!connection) return;
        remove.mutate(connection.id, {
          onSuccess: () => {
            remove.reset();
            onOpenChange(false);
          },
        });
      }}
    />
  );
}
