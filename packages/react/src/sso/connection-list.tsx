import type { SsoCertificate, SsoConnection } from "@plugboard/core";
import { useId } from "react";
import { ActionsMenu } from "../parts/actions-menu";
import { GuardedButton } from "../parts/guarded-button";
import { useWriteDenied, WriteButton } from "../parts/write-access";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { TestResult } from "./dry-run-result";
import { formatDate } from "./format";
import { ServiceProviderValues } from "./service-provider-values";
import { useSsoTestPopup } from "./use-dry-run-popup";
import { useUpdateSsoConnection } from "./use-sso";

export type SsoConnectionListPart =
  | "list"
  | "connection"
  | "toggle"
  | "certificates"
  | "serviceProvider"
  | "testResult";

export interface SsoConnectionListProps {
  connections: SsoConnection[];
  onEdit: (connection: SsoConnection) => void;
  onDelete: (connection: SsoConnection) => void;
  classNames?: Partial<Record<SsoConnectionListPart, string>>;
}

/** The connections, one card each: protocol, switch, certificates, SP values, Test, actions. */
export function SsoConnectionList({
  connections,
  onEdit,
  onDelete,
  classNames = {},
}: SsoConnectionListProps) {
  const strings = useStrings();
  return (
    <ul className={cx("pb-sso__list", classNames.list)} aria-label={strings.ssoConnections}>
      {connections.map((connection) => (
        <ConnectionItem
          key={connection.id}
          connection={connection}
          onEdit={onEdit}
          onDelete={onDelete}
          classNames={classNames}
        />
      ))}
    </ul>
  );
}

function ConnectionItem({
  connection,
  onEdit,
  onDelete,
  classNames,
}: Omit<SsoConnectionListProps, "connections"> & {
  connection: SsoConnection;
  classNames: Partial<Record<SsoConnectionListPart, string>>;
}) {
  const strings = useStrings();
  const titleId = useId();
  const denied = useWriteDenied();
  const toggle = useUpdateSsoConnection();
  const test = useSsoTestPopup(connection.id);
  const enabled = toggle.isPending
    ? (toggle.variables.input.enabled ?? connection.enabled)
    : connection.enabled;
  const certificates = connection.saml?.certificates ?? [];
  const expiring = certificates.some((certificate) => certificate.expiringSoon);
  const state = !connection.enabled ? "disabled" : expiring ? "warning" : "enabled";
  return (
    <li
      className={cx("pb-sso__connection", classNames.connection)}
      aria-labelledby={titleId}
      data-state={state}
    >
      <div className="pb-sso__connection-main">
        <h4 id={titleId} className="pb-sso__connection-name">
          {connection.name}
        </h4>
        <p className="pb-hint pb-sso__meta">
          <span className="pb-tag">
            {strings.ssoProtocols[connection.protocol] ?? connection.protocol}
          </span>
          <span className="pb-sso__issuer">
            {connection.saml?.idpEntityId ?? connection.oidc?.issuer}
          </span>
        </p>
      </div>
      <div className="pb-sso__switch">
        <WriteButton
          role="switch"
          aria-checked={enabled}
          aria-label={strings.ssoToggle(connection.name)}
          className={cx("pb-switch", classNames.toggle)}
          data-state={enabled ? "checked" : "unchecked"}
          disabled={toggle.isPending}
          onClick={() =>
            toggle.mutate({ id: connection.id, input: { enabled: !connection.enabled } })
          }
        >
          <span className="pb-switch__thumb" />
        </WriteButton>
        <span className="pb-hint" aria-hidden="true">
          {enabled ? strings.ssoEnabled : strings.ssoDisabled}
        </span>
      </div>
      {certificates.length > 0 && (
        <ul className={cx("pb-sso__certificates", classNames.certificates)}>
          {certificates.map((certificate) => (
            <Certificate key={certificate.fingerprint} certificate={certificate} />
          ))}
        </ul>
      )}
      <ServiceProviderValues connection={connection} className={classNames.serviceProvider} />
      <div className="pb-sso__actions">
        <GuardedButton
          denied={denied ?? (connection.enabled ? null : strings.ssoTestNeedsEnabled)}
          busy={test.state.status === "pending"}
          className="pb-button"
          aria-describedby={titleId}
          onClick={test.start}
        >
          {strings.ssoTest}
        </GuardedButton>
        <ActionsMenu
          label={strings.ssoActions(connection.name)}
          actions={[
            { text: strings.ssoEdit, onSelect: () => onEdit(connection), denied },
            {
              text: strings.ssoDelete,
              onSelect: () => onDelete(connection),
              denied,
              danger: true,
            },
          ]}
        />
      </div>
      {toggle.error && (
        <p role="alert" className="pb-error pb-sso__feedback">
          {toggle.error.message}
        </p>
      )}
      <TestResult state={test.state} className={classNames.testResult} />
    </li>
  );
}

function Certificate({ certificate }: { certificate: SsoCertificate }) {
  const strings = useStrings();
  const date = formatDate(certificate.expiresAt);
  const expired = Date.parse(certificate.expiresAt) <= Date.now();
  const state = expired ? "expired" : certificate.expiringSoon ? "expiring" : "valid";
  return (
    <li className="pb-sso__certificate" data-state={state} title={certificate.fingerprint}>
      {state === "valid" ? (
        <span className="pb-hint">{strings.ssoCertificate(certificate.subject, date)}</span>
      ) : (
        <span className="pb-badge" data-state="warning">
          {expired ? strings.ssoCertificateExpired(date) : strings.ssoCertificateExpiring(date)}
        </span>
      )}
    </li>
  );
}
