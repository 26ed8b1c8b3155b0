import type { SsoConnection, SsoPolicy } from "@plugboard/core";
import { isPlugboardError } from "@plugboard/core/routes";
import { type FormEvent, useId, useRef, useState } from "react";
import { CloseIcon, PlusIcon } from "../icons/icons";
import { ErrorMessage } from "../parts/error-message";
import { TextField } from "../parts/field";
import { useNotify } from "../parts/toast";
import { useWriteDenied, WriteButton } from "../parts/write-access";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { useSsoDomains, useSsoPolicy, useUpdateSsoPolicy } from "./use-sso";

export type SsoPolicyPanelPart = "policy" | "requireToggle" | "breakGlass";

/**
 * Whether the organization's verified domains must sign in with SSO, and the break-glass admins
 * who may still use a password. Edited as a draft, saved whole (the server replaces the policy).
 */
export function SsoPolicyPanel({
  connections,
  classNames = {},
}: {
  connections: SsoConnection[];
  classNames?: Partial<Record<SsoPolicyPanelPart, string>>;
}) {
  const strings = useStrings();
  const titleId = useId();
  const query = useSsoPolicy();
  const domains = useSsoDomains();
  const notify = useNotify();
  // Held here, not in the draft: the draft restarts from each saved policy, the mutation must not.
  const save = useUpdateSsoPolicy();
  const ready =
    connections.some((connection) => connection.enabled) &&
    (domains.data?.data.some((domain) => domain.verified) ?? false);
  return (
    <section
      className={cx("pb-sso__policy", classNames.policy)}
      aria-labelledby={titleId}
      data-state={query.isPending ? "loading" : query.isError ? "error" : "ready"}
    >
      <h3 id={titleId} className="pb-sso__section-title">
        {strings.ssoPolicy}
      </h3>
      {query.isError && (
        <p role="alert" className="pb-error">
          {query.error.message}
        </p>
      )}
      {query.data && (
        <PolicyForm
          key={JSON.stringify(query.data)}
          policy={query.data}
          ready={ready}
          save={save}
          onSave={(policy) =>
            save.mutate(policy, { onSuccess: () => notify(strings.ssoPolicySaved) })
          }
          classNames={classNames}
        />
      )}
    </section>
  );
}

/** The server's refusal, naming the address it refused (`breakGlassEmails.2`) when there is one. */
function describe(error: Error, sent: SsoPolicy | undefined): string {
  if (!isPlugboardError(error) || error.errors.length === 0) return error.message;
  return error.errors
    .map(({ path, message }) => {
      const index = /^breakGlassEmails\.(\d+)$/.exec(path)?.[1];
      const address = index === undefined ? undefined : sent?.breakGlassEmails[Number(index)];
      return address ? `${address}: ${message}` : message;
    })
    .join(" ");
}

function PolicyForm({
  policy,
  ready,
  save,
  onSave,
  classNames,
}: {
  policy: SsoPolicy;
  ready: boolean;
  save: ReturnType<typeof useUpdateSsoPolicy>;
  onSave: (policy: SsoPolicy) => void;
  classNames: Partial<Record<SsoPolicyPanelPart, string>>;
}) {
  const strings = useStrings();
  const denied = useWriteDenied();
  const labelId = useId();
  const hintId = useId();
  const unavailableId = useId();
  const listId = useId();
  const [requireSso, setRequireSso] = useState(policy.requireSso);
  const [emails, setEmails] = useState(policy.breakGlassEmails);
  const [email, setEmail] = useState("");
  const addForm = useRef<HTMLFormElement>(null);
  // Turning the requirement off stays possible whatever happened to the domains and connections.
  const unavailable = !requireSso && !ready;
  const problem = save.error ? describe(save.error, save.variables) : null;

  function add(event: FormEvent) {
    event.preventDefault();
    if (denied) return;
    const next = email.trim().toLowerCase();
    if (!next) return;
    if (!emails.includes(next)) setEmails([...emails, next]);
    setEmail("");
    save.reset();
  }

  return (
    <>
      <div className="pb-sso__require">
        <WriteButton
          role="switch"
          aria-checked={requireSso}
          aria-labelledby={labelId}
          aria-describedby={unavailable ? `${hintId} ${unavailableId}` : hintId}
          className={cx("pb-switch", classNames.requireToggle)}
          data-state={requireSso ? "checked" : "unchecked"}
          disabled={unavailable}
          onClick={() => {
            setRequireSso(!requireSso);
            save.reset();
          }}
        >
          <span className="pb-switch__thumb" />
        </WriteButton>
        <div>
          <p id={labelId}>{strings.ssoRequire}</p>
          <p id={hintId} className="pb-hint">
            {strings.ssoRequireHint}
          </p>
          {unavailable && (
            <p id={unavailableId} className="pb-hint pb-sso__require-unavailable">
              {strings.ssoRequireUnavailable}
            </p>
          )}
        </div>
      </div>
      <div
        className={cx("pb-sso__break-glass", classNames.breakGlass)}
        data-state={emails.length === 0 ? "empty" : "ready"}
      >
        <h4 id={listId} className="pb-sso__subsection-title">
          {strings.ssoBreakGlass}
        </h4>
        <p className="pb-hint">{strings.ssoBreakGlassHint}</p>
        {emails.length > 0 && (
          <ul className="pb-sso__break-glass-list" aria-labelledby={listId}>
            {emails.map((address) => (
              <li key={address} className="pb-sso__break-glass-item">
                <span className="pb-sso__break-glass-email">{address}</span>
                <WriteButton
                  className="pb-button pb-button--small"
                  aria-label={strings.ssoBreakGlassRemove(address)}
                  onClick={() => {
                    setEmails(emails.filter((item) => item !== address));
                    save.reset();
                    // The row and its button go: focus goes to the address field, not the page.
                    addForm.current?.querySelector("input")?.focus();
                  }}
                >
                  <CloseIcon />
                </WriteButton>
              </li>
            ))}
          </ul>
        )}
        <form ref={addForm} className="pb-sso__add-admin" noValidate onSubmit={add}>
          <TextField
            label={strings.ssoBreakGlassEmail}
            error={undefined}
            spellCheck={false}
            placeholder="admin@example.com"
            readOnly={denied !== null}
            value={email}
            onValueChange={setEmail}
          />
          <WriteButton type="submit" className="pb-button">
            <PlusIcon />
            {strings.ssoBreakGlassAdd}
          </WriteButton>
        </form>
      </div>
      <ErrorMessage className="pb-sso__add-domain-error">{problem}</ErrorMessage>
      <div className="pb-sso__actions">
        <WriteButton
          className="pb-button pb-button--primary"
          busy={save.isPending}
          onClick={() => onSave({ requireSso, breakGlassEmails: emails })}
        >
          {save.isPending ? strings.ssoSaving : strings.ssoPolicySave}
        </WriteButton>
      </div>
    </>
  );
}
