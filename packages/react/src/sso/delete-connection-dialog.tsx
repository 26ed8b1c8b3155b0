import type { SsoConnection } from "@plugboard/core";
import { DeleteDialog } from "../parts/delete-dialog";
import { useStrings } from "../provider/plugboard-provider";
import { useDeleteSsoConnection } from "./use-sso";

/** Confirms deleting a connection: nobody can sign in with it afterwards. */
export function DeleteConnectionDialog({
  connection,
  ...props
}: {
  connection: SsoConnection | null;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
}) {
  const strings = useStrings();
  return (
    <DeleteDialog
      {...props}
      item={connection}
      remove={useDeleteSsoConnection()}
      title={connection ? strings.ssoDeleteTitle(connection.name) : ""}
      description={strings.ssoDeleteBody}
      confirmLabel={strings.ssoDeleteConfirm}
      pendingLabel={strings.ssoSaving}
    />
  );
}
