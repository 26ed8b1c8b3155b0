import type { SsoConnection } from "@plugboard/core";
import { isPlugboardError } from "@plugboard/core/routes";
import { useId, useRef, useState } from "react";
import { ManagerFrame, type ManagerFramePart, ManagerNotice } from "../parts/manager-frame";
import { useReturnFocus } from "../parts/use-return-focus";
import { useStrings } from "../provider/plugboard-provider";
import { SsoConnectionList, type SsoConnectionListPart } from "./connection-list";
import { DeleteConnectionDialog } from "./delete-connection-dialog";
import { SsoConnectionFormDialog } from "./dialogs";
import { SsoDomainPanel, type SsoDomainPanelPart } from "./domain-panel";
import { SsoLoginAttempts } from "./login-attempts";
import { SsoPolicyPanel, type SsoPolicyPanelPart } from "./policy-panel";
import { useSsoConnections } from "./use-sso";

export type SsoSettingsPart =
  | SsoConnectionListPart
  | SsoDomainPanelPart
  | SsoPolicyPanelPart
  | ManagerFramePart
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
 * routed by with their DNS proof, the policy (SSO required, break-glass admins), and recent
 * sign-ins. Members see it read-only: the server answers SSO settings to admins only.
 */
export function SsoSettings({ className, classNames = {} }: SsoSettingsProps) {
  const strings = useStrings();
  const connectionsId = useId();
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
  const close = (isOpen: boolean) => !isOpen && setDialog(null);

  return (
    <ManagerFrame
      block="pb-sso"
      className={className}
      classNames={classNames}
      query={query}
      isEmpty={(data) => data.data.length === 0}
      title={strings.ssoTitle}
      description={strings.ssoDescription}
      loadingLabel={strings.ssoLoading}
      skeleton={
        <>
          <div className="pb-skeleton pb-skeleton--line" />
          <div className="pb-skeleton pb-skeleton--text" />
        </>
      }
      loadFailed={strings.ssoLoadFailed}
      denied={isReadOnly ? strings.ssoNeedsAdmin : null}
      readOnlyLabel={strings.ssoReadOnly}
      refused={
        isReadOnly && (
          <ManagerNotice
            block="pb-sso"
            className={classNames.empty}
            title={strings.ssoNeedsAdmin}
            hint={strings.ssoNeedsAdminBody}
          />
        )
      }
      addLabel={strings.ssoAdd}
      addRef={addButton}
      onAdd={() => open({ kind: "create" })}
      dialogs={
        <>
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
        </>
      }
    >
      {({ data: connections }) => (
        <>
          <section className="pb-sso__connections" aria-labelledby={connectionsId}>
            <h3 id={connectionsId} className="pb-sso__section-title">
              {strings.ssoConnections}
            </h3>
            {connections.length === 0 ? (
              <ManagerNotice
                block="pb-sso"
                className={classNames.empty}
                title={strings.ssoEmpty}
                empty
                hint={strings.ssoEmptyHint}
              />
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
          <SsoPolicyPanel connections={connections} classNames={classNames} />
          <SsoLoginAttempts connections={connections} className={classNames.attempts} />
        </>
      )}
    </ManagerFrame>
  );
}
