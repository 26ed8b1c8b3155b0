import type { WebhookEndpoint } from "@plugboard/core";
import { type ReactNode, useId, useRef, useState } from "react";
import { PermissionTooltip } from "../parts/permission-tooltip";
import { SkeletonRows } from "../parts/skeleton-rows";
import { useReturnFocus } from "../parts/use-return-focus";
import { WriteAccessProvider, WriteButton } from "../parts/write-access";
import { useStrings } from "../provider/plugboard-provider";
import { cx, useRootProps } from "../provider/root-props";
import {
  DeleteWebhookDialog,
  RotateSecretDialog,
  WebhookFormDialog,
  WebhookSecretDialog,
} from "./dialogs";
import { useWebhookEndpoints } from "./use-webhooks";
import { WebhookList, type WebhookListPart } from "./webhook-list";

export type WebhookManagerPart =
  | WebhookListPart
  | "header"
  | "title"
  | "empty"
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
  const titleId = useId();
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
  const state = query.isPending
    ? "loading"
    : query.isError
      ? "error"
      : query.data.data.length === 0
        ? "empty"
        : "ready";
  const rootProps = useRootProps("pb-webhooks", className);
  const close = (open: boolean) => !open && setDialog(null);

  let body: ReactNode;
  if (query.isPending) {
    body = (
      <div className="pb-webhooks__skeleton" role="status" aria-label={strings.webhooksLoading}>
        <SkeletonRows variant="cards" />
      </div>
    );
  } else if (query.isError) {
    body = (
      <div className="pb-webhooks__error">
        <div role="alert">
          <p className="pb-webhooks__error-title">{strings.webhooksLoadFailed}</p>
          <p className="pb-hint">{query.error.message}</p>
        </div>
        <button type="button" className="pb-button" onClick={() => void query.refetch()}>
          {strings.retry}
        </button>
      </div>
    );
  } else if (query.data.data.length === 0) {
    body = (
      <div className={cx("pb-webhooks__empty", classNames.empty)}>
        <p>{strings.webhooksEmpty}</p>
        {!isReadOnly && <p className="pb-hint">{strings.webhooksEmptyHint}</p>}
      </div>
    );
  } else {
    body = (
      <WebhookList
        endpoints={query.data.data}
        classNames={classNames}
        onEdit={(endpoint) => open({ kind: "edit", endpoint })}
        onRotate={(endpoint) => open({ kind: "rotate", endpoint })}
        onDelete={(endpoint) => open({ kind: "delete", endpoint })}
      />
    );
  }

  return (
    <WriteAccessProvider denied={isReadOnly ? strings.webhooksNeedsAdmin : null}>
      <section
        {...rootProps}
        aria-labelledby={titleId}
        aria-busy={query.isPending || undefined}
        data-state={state}
        data-readonly={isReadOnly || undefined}
      >
        <header className={cx("pb-webhooks__header", classNames.header)}>
          <div>
            <h2 id={titleId} className={cx("pb-webhooks__title", classNames.title)}>
              {strings.webhooksTitle}
            </h2>
            <p className="pb-hint">{strings.webhooksDescription}</p>
          </div>
          {isReadOnly && (
            <PermissionTooltip content={strings.webhooksNeedsAdmin}>
              {/* Keyboard users get the same tooltip on every inert control. */}
              <span className="pb-badge" data-state="readonly">
                {strings.webhooksReadOnly}
              </span>
            </PermissionTooltip>
          )}
          <WriteButton
            ref={addButton}
            className="pb-button pb-button--primary"
            disabled={state === "loading" || state === "error"}
            onClick={() => open({ kind: "create" })}
          >
            {strings.webhookAdd}
          </WriteButton>
        </header>
        {body}
      </section>
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
    </WriteAccessProvider>
  );
}
