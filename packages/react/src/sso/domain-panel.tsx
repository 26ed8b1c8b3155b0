import type { SsoDomain } from "@plugboard/core";
import { isPlugboardError } from "@plugboard/core/routes";
import { type FormEvent, useId, useState } from "react";
import { PlusIcon, StatusIcon } from "../icons/icons";
import { CopyField } from "../parts/copy-field";
import { DeleteDialog } from "../parts/delete-dialog";
import { ErrorMessage } from "../parts/error-message";
import { TextField } from "../parts/field";
import type { ReturnFocus } from "../parts/use-return-focus";
import { useWriteDenied, WriteButton } from "../parts/write-access";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { useAddSsoDomain, useRemoveSsoDomain, useSsoDomains, useVerifySsoDomain } from "./use-sso";

export type SsoDomainPanelPart = "domains" | "domain" | "txtRecord";

type DomainStatus = "verified" | "pending" | "expired";

function statusOf(domain: SsoDomain): DomainStatus {
  if (domain.verified) return "verified";
  return Date.parse(domain.tokenExpiresAt) <= Date.now() ? "expired" : "pending";
}

/**
 * The domains logins are routed by: add one (consumer mail domains are refused by the server),
 * publish its TXT record, verify, check again, remove.
 */
export function SsoDomainPanel({
  focus,
  classNames = {},
}: {
  focus: ReturnFocus;
  classNames?: Partial<Record<SsoDomainPanelPart, string>>;
}) {
  const strings = useStrings();
  const titleId = useId();
  const query = useSsoDomains();
  const [removing, setRemoving] = useState<SsoDomain | null>(null);
  const remove = useRemoveSsoDomain();
  return (
    <section
      className={cx("pb-sso__domains", classNames.domains)}
      aria-labelledby={titleId}
      data-state={query.isPending ? "loading" : query.isError ? "error" : "ready"}
    >
      <h3 id={titleId} className="pb-sso__section-title">
        {strings.ssoDomains}
      </h3>
      <p className="pb-hint">{strings.ssoDomainsHint}</p>
      <AddDomainForm />
      <ErrorMessage>{query.error?.message}</ErrorMessage>
      {query.data?.data.length === 0 && <p className="pb-hint">{strings.ssoDomainsEmpty}</p>}
      {query.data && query.data.data.length > 0 && (
        <ul className="pb-sso__domain-list" aria-label={strings.ssoDomains}>
          {query.data.data.map((domain) => (
            <DomainItem
              key={domain.id}
              domain={domain}
              classNames={classNames}
              onRemove={() => {
                focus.remember();
                setRemoving(domain);
              }}
            />
          ))}
        </ul>
      )}
      <DeleteDialog
        item={removing}
        remove={remove}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={removing ? strings.ssoDomainRemoveTitle(removing.domain) : ""}
        description={strings.ssoDomainRemoveBody}
        confirmLabel={strings.ssoDomainRemoveConfirm}
        pendingLabel={strings.ssoSaving}
        onCloseAutoFocus={focus.onCloseAutoFocus}
      />
    </section>
  );
}

function AddDomainForm() {
  const strings = useStrings();
  const [domain, setDomain] = useState("");
  const [error, setError] = useState<string | undefined>();
  const add = useAddSsoDomain();
  const denied = useWriteDenied();
  const formError =
    add.error && !(isPlugboardError(add.error) && add.error.errors.length > 0)
      ? add.error.message
      : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (denied) return;
    setError(undefined);
    add.mutate(domain.trim(), {
      onSuccess: () => setDomain(""),
      onError: (failure) => {
        // The server's field error (not a domain, a consumer mail domain) shows under the input.
        if (isPlugboardError(failure)) setError(failure.errors[0]?.message);
      },
    });
  }

  return (
    <form className="pb-sso__add-domain" noValidate onSubmit={submit}>
      <TextField
        label={strings.ssoDomain}
        error={error}
        spellCheck={false}
        placeholder="example.com"
        readOnly={denied !== null}
        value={domain}
        onValueChange={(next) => {
          setDomain(next);
          setError(undefined);
          add.reset();
        }}
      />
      <WriteButton type="submit" className="pb-button" busy={add.isPending}>
        <PlusIcon />
        {add.isPending ? strings.ssoDomainAdding : strings.ssoDomainAdd}
      </WriteButton>
      {formError && (
        <p role="alert" className="pb-error pb-sso__add-domain-error">
          {formError}
        </p>
      )}
    </form>
  );
}

function DomainItem({
  domain,
  onRemove,
  classNames,
}: {
  domain: SsoDomain;
  onRemove: () => void;
  classNames: Partial<Record<SsoDomainPanelPart, string>>;
}) {
  const strings = useStrings();
  const nameId = useId();
  const verify = useVerifySsoDomain();
  const status = statusOf(domain);
  return (
    <li
      className={cx("pb-sso__domain", classNames.domain)}
      aria-labelledby={nameId}
      data-state={status}
    >
      <div className="pb-sso__domain-head">
        <span id={nameId} className="pb-sso__domain-name">
          {domain.domain}
        </span>
        <span className="pb-badge" data-state={status === "verified" ? "succeeded" : status}>
          <StatusIcon state={status === "verified" ? "succeeded" : status} />
          {strings.ssoDomainStatuses[status] ?? status}
        </span>
        <span className="pb-sso__domain-actions">
          <WriteButton
            className="pb-button pb-button--small"
            busy={verify.isPending}
            aria-describedby={nameId}
            onClick={() => verify.mutate(domain.id)}
          >
            {verify.isPending
              ? strings.ssoDomainVerifying
              : status === "verified"
                ? strings.ssoDomainRecheck
                : strings.ssoDomainVerify}
          </WriteButton>
          <WriteButton
            className="pb-button pb-button--small"
            aria-label={strings.ssoDomainRemove(domain.domain)}
            onClick={onRemove}
          >
            ×
          </WriteButton>
        </span>
      </div>
      {status !== "verified" && (
        <div className={cx("pb-sso__txt", classNames.txtRecord)}>
          <p className="pb-hint">{strings.ssoDomainRecordHint}</p>
          <CopyField
            label={strings.ssoDomainRecordName}
            value={domain.txtRecord.name}
            copyLabel={strings.ssoCopyValue(strings.ssoDomainRecordName)}
            copyFailed={strings.ssoCopyFailed}
          />
          <CopyField
            label={strings.ssoDomainRecordValue}
            value={domain.txtRecord.value}
            copyLabel={strings.ssoCopyValue(strings.ssoDomainRecordValue)}
            copyFailed={strings.ssoCopyFailed}
          />
        </div>
      )}
      <p role="status" className={cx("pb-sso__feedback", verify.error ? "pb-error" : "pb-hint")}>
        {verify.error
          ? verify.error.message
          : verify.data?.verified
            ? strings.ssoDomainVerified(domain.domain)
            : ""}
      </p>
    </li>
  );
}
