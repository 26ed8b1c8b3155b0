import type { WebhookEndpoint } from "@plugboard/core";
import { useRef, useState } from "react";
import { ManagerFrame, type ManagerFramePart, ManagerNotice } from "../parts/manager-frame";
import { SkeletonRows } from "../parts/skeleton-rows";
import { useReturnFocus } from "../parts/use-return-focus";
import { useStrings } from "../provider/plugboard-provider";
import { DeleteWebhookDialog } from "./delete-webhook-dialog";
import { RotateSecretDialog, WebhookFormDialog, WebhookSecretDialog } from "./dialogs";
import { useWebhookEndpoints } from "./use-webhooks";
import { WebhookList, type WebhookListPart } from "./webhook-list";

export type WebhookManagerPart =
  | WebhookListPart
  | ManagerFramePart
  | "formDialog"
  | "secretDialog"
  | "confirmDialog";

export interface WebhookManagerProps {
  /** Class for the root. */
  className?: string;
  /** Classes for the inner parts (dialogs render in a portal; their class goes on the panel). */
  classNames?: Partial<Record<WebhookManagerPart, string>>;
}

type Dialog =
  | { kind: "create" }
  | { kind: "edit"; endpoint: WebhookEndpoint }
  | { kind: "rotate"; endpoint: WebhookEndpoint }
  | { kind: "delete"; endpoint: WebhookEndpoint }
  | null;

/**
 * The organization's outgoing webhooks: list with health and an active switch, create and edit,
 * the signing secret shown once, rotate and delete with confirmation, send test, delivery log.
 * Read-only, with a tooltip on every control that changes something, when the list's
 * `permissions` say the caller may not manage webhooks (members).
 */
export function WebhookManager({ className, classNames = {} }: WebhookManagerProps) {
  const strings = useStrings();
  const query = useWebhookEndpoints();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // Back to the control that opened the dialog; "Add endpoint" when it is gone (a deleted row).
  const focus = useReturnFocus(() => addButton.current);
  const open = (next: NonNullable<Dialog>) => {
    focus.remember();
    setDialog(next);
  };
  // Unknown until the list answers; "Add endpoint" is disabled until then anyway.
  const isReadOnly = query.data?.permissions.manage === false;
  const close = (open: boolean) => !open && setDialog(null);

  return (
    <ManagerFrame
      block="pb-webhooks"
      className={className}
      classNames={classNames}
      query={query}
      isEmpty={(data) => data.data.length === 0}
      title={strings.webhooksTitle}
      description={strings.webhooksDescription}
      loadingLabel={strings.webhooksLoading}
      skeleton={<SkeletonRows variant="cards" />}
      loadFailed={strings.webhooksLoadFailed}
      denied={isReadOnly ? strings.webhooksNeedsAdmin : null}
      readOnlyLabel={strings.webhooksReadOnly}
      addLabel={strings.webhookAdd}
      addRef={addButton}
      onAdd={() => open({ kind: "create" })}
      dialogs={
        <>
          <WebhookFormDialog
            open={dialog?.kind === "create" || dialog?.kind === "edit"}
            endpoint={dialog?.kind === "edit" ? dialog.endpoint : undefined}
            onOpenChange={close}
            onCreated={setSecret}
            onCloseAutoFocus={focus.onCloseAutoFocus}
            className={classNames.formDialog}
          />
          <RotateSecretDialog
            endpoint={dialog?.kind === "rotate" ? dialog.endpoint : null}
            onOpenChange={close}
            onRotated={setSecret}
            onCloseAutoFocus={focus.onCloseAutoFocus}
            className={classNames.confirmDialog}
          />
          <DeleteWebhookDialog
            endpoint={dialog?.kind === "delete" ? dialog.endpoint : null}
            onOpenChange={close}
            onCloseAutoFocus={focus.onCloseAutoFocus}
            className={classNames.confirmDialog}
          />
          <WebhookSecretDialog
            secret={secret}
            onClose={() => setSecret(null)}
            onCloseAutoFocus={focus.onCloseAutoFocus}
            className={classNames.secretDialog}
            text={{
              title: strings.webhookSecretTitle,
              warning: strings.webhookSecretWarning,
              label: strings.webhookSecretLabel,
              copyFailed: strings.webhookCopyFailed,
            }}
          />
        </>
      }
    >
      {({ data: endpoints }) =>
        endpoints.length === 0 ? (
          <ManagerNotice
            block="pb-webhooks"
            className={classNames.empty}
            title={strings.webhooksEmpty}
            empty
            hint={!isReadOnly && strings.webhooksEmptyHint}
          />
        ) : (
          <WebhookList
            endpoints={endpoints}
            classNames={classNames}
            onEdit={(endpoint) => open({ kind: "edit", endpoint })}
            onRotate={(endpoint) => open({ kind: "rotate", endpoint })}
            onDelete={(endpoint) => open({ kind: "delete", endpoint })}
          />
        )
      }
    </ManagerFrame>
  );
}
