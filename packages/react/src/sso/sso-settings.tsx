import type { SsoConnection } from "@plugboard/core";
import { isPlugboardError } from "@plugboard/core/routes";
import { type ReactNode, useId, useRef, useState } from "react";
import { PermissionTooltip } from "../parts/permission-tooltip";
import { useReturnFocus } from "../parts/use-return-focus";
import { WriteAccessProvider, WriteButton } from "../parts/write-access";
import { useStrings } from "../provider/plugboard-provider";
import { cx, useRootProps } from "../provider/root-props";
import { SsoConnectionList, type SsoConnectionListPart } from "./connection-list";
import { DeleteConnectionDialog } from "./delete-connection-dialog";
import { SsoConnectionFormDialog } from "./dialogs";
import { SsoDomainPanel, type SsoDomainPanelPart } from "./domain-panel";
import { SsoLoginAttempts } from "./login-attempts";
import { useSsoConnections } from "./use-sso";

export type SsoSettingsPart =
  | SsoConnectionListPart
  | SsoDomainPanelPart
  | "header"
  | "title"
  | "empty"
  | "attempts"
  | "formDialog"
  | "confirmDialog";

export interface SsoSettingsProps {
  /** Class for the root. */
  className?: string;
  /** Classes for the inner parts (dialogs render in a portal; their class goes on the panel). */
  classNames?: Partial<Record<SsoSettingsPart, string>>;
}

type Dialog =
  | { kind: "create" }
  | { kind: "edit"; connection: SsoConnection }
  | { kind: "delete"; connection: SsoConnection }
  | null;

/**
 * The organization's single sign-on, for its admins: SAML and OIDC connections (add, edit,
 * enable, test in a popup, delete), the values to enter at the IdP, the domains logins are
 * routed by with their DNS proof, and recent sign-ins. Members see it read-only: the server
 * answers SSO settings to admins only.
 */
export function SsoSettings({ className, classNames = {} }: SsoSettingsProps) {
  const strings = useStrings();
  const titleId = useId();
  const query = useSsoConnections();
  const [dialog, setDialog] = useState<Dialog>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // Back to the control that opened the dialog; "Add connection" when it is gone (deleted).
  const focus = useReturnFocus(() => addButton.current);
  const open = (next: NonNullable<Dialog>) => {
    focus.remember();
    setDialog(next);
  };
  const isReadOnly =
    query.isError && isPlugboardError(query.error) && query.error.code === "forbidden";
  const state = query.isPending
    ? "loading"
    : isReadOnly
      ? "readonly"
      : query.isError
        ? "error"
        : query.data.data.length === 0
          ? "empty"
          : "ready";
  const rootProps = useRootProps("pb-sso", className);
  const close = (isOpen: boolean) => !isOpen && setDialog(null);

  let body: ReactNode;
  if (query.isPending) {
    body = (
      <div className="pb-sso__skeleton" role="status" aria-label={strings.ssoLoading}>
        <div className="pb-skeleton pb-skeleton--line" />
        <div className="pb-skeleton pb-skeleton--text" />
      </div>
    );
  } else if (isReadOnly) {
    body = (
      <div className={cx("pb-sso__empty", classNames.empty)}>
        <p>{strings.ssoNeedsAdmin}</p>
        <p className="pb-hint">{strings.ssoNeedsAdminBody}</p>
      </div>
    );
  } else if (query.isError) {
    body = (
      <div className="pb-sso__error">
        <div role="alert">
          <p className="pb-sso__error-title">{strings.ssoLoadFailed}</p>
          <p className="pb-hint">{query.error.message}</p>
        </div>
        <button type="button" className="pb-button" onClick={() => void query.refetch()}>
          {strings.retry}
        </button>
      </div>
    );
  } else {
    const connections = query.data.data;
    body = (
      <>
        <section className="pb-sso__connections" aria-labelledby={`${titleId}-connections`}>
          <h3 id={`${titleId}-connections`} className="pb-sso__section-title">
            {strings.ssoConnections}
          </h3>
          {connections.length === 0 ? (
            <div className={cx("pb-sso__empty", classNames.empty)}>
              <p>{strings.ssoEmpty}</p>
              <p className="pb-hint">{strings.ssoEmptyHint}</p>
            </div>
          ) : (
            <SsoConnectionList
              connections={connections}
              classNames={classNames}
              onEdit={(connection) => open({ kind: "edit", connection })}
              onDelete={(connection) => open({ kind: "delete", connection })}
            />
          )}
        </section>
        <SsoDomainPanel focus={focus} classNames={classNames} />
        <SsoLoginAttempts connections={connections} className={classNames.attempts} />
      </>
    );
  }

  return (
    <WriteAccessProvider denied={isReadOnly ? strings.ssoNeedsAdmin : null}>
      <section
        {...rootProps}
        aria-labelledby={titleId}
        aria-busy={query.isPending || undefined}
        data-state={state}
        data-readonly={isReadOnly || undefined}
      >
        <header className={cx("pb-sso__header", classNames.header)}>
          <div>
            <h2 id={titleId} className={cx("pb-sso__title", classNames.title)}>
              {strings.ssoTitle}
            </h2>
            <p className="pb-hint">{strings.ssoDescription}</p>
          </div>
          {isReadOnly && (
            <PermissionTooltip content={strings.ssoNeedsAdmin}>
              <span className="pb-badge" data-state="readonly">
                {strings.ssoReadOnly}
              </span>
            </PermissionTooltip>
          )}
          <WriteButton
            ref={addButton}
            className="pb-button pb-button--primary"
            disabled={state === "loading" || state === "error"}
            onClick={() => open({ kind: "create" })}
          >
            {strings.ssoAdd}
          </WriteButton>
        </header>
        {body}
      </section>
      <SsoConnectionFormDialog
        open={dialog?.kind === "create" || dialog?.kind === "edit"}
        connection={dialog?.kind === "edit" ? dialog.connection : undefined}
        onOpenChange={close}
        onCloseAutoFocus={focus.onCloseAutoFocus}
        className={classNames.formDialog}
      />
      <DeleteConnectionDialog
        connection={dialog?.kind === "delete" ? dialog.connection : null}
        onOpenChange={close}
        onCloseAutoFocus={focus.onCloseAutoFocus}
        className={classNames.confirmDialog}
      />
    </WriteAccessProvider>
  );
}
