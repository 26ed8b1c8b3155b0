import * as Dialog from "@radix-ui/react-dialog";
import { DialogPanel } from "../parts/dialog-panel";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { JiraImport } from "./jira-import";

export interface JiraImportDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
}

/**
 * The catalog card's way into the wizard. Closing leaves a running import running: it is a
 * durable job on the server, and the wizard can be opened again.
 */
export function JiraImportDialog({
  open,
  onOpenChange,
  onCloseAutoFocus,
  className,
}: JiraImportDialogProps) {
  const strings = useStrings();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <DialogPanel
        title={strings.jiraTitle}
        className={cx("pb-jira-import-dialog", className)}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <JiraImport className="pb-jira-import--in-dialog" />
        <div className="pb-dialog__actions">
          <Dialog.Close className="pb-button">{strings.close}</Dialog.Close>
        </div>
      </DialogPanel>
    </Dialog.Root>
  );
}
