import { SecretRevealDialog } from "../parts/secret-reveal-dialog";
import { useStrings } from "../provider/plugboard-provider";

export interface CopyApiKeyDialogProps {
  /** The new key's secret; `null` closes the dialog. */
  secret: string | null;
  /** The caller drops the secret here, so it is never shown again. */
  onClose: () => void;
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
}

/** Shows a just-created (or rotated) key once, with a copy button and a warning. */
export function CopyApiKeyDialog({
  secret,
  onClose,
  onCloseAutoFocus,
  className,
}: CopyApiKeyDialogProps) {
  const strings = useStrings();
  return (
    <SecretRevealDialog
      secret={secret}
      onClose={onClose}
      onCloseAutoFocus={onCloseAutoFocus}
      className={className}
      text={{
        title: strings.apiKeySecretTitle,
        warning: strings.apiKeySecretWarning,
        label: strings.apiKeySecretLabel,
        copyFailed: strings.apiKeyCopyFailed,
      }}
    />
  );
}
