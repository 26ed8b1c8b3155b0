import type { SsoConnection } from "@plugboard/core";
import { ssoProtocols } from "@plugboard/core/routes";
import * as Dialog from "@radix-ui/react-dialog";
import { useState } from "react";
import { DialogActions } from "../parts/dialog-actions";
import { DialogPanel } from "../parts/dialog-panel";
import { Field, TextField } from "../parts/field";
import { Select } from "../parts/select";
import { useServerForm } from "../parts/use-server-form";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import { createInput, initialValues, type SsoFormValues, updateInput } from "./form-values";
import { MappingFields } from "./mapping-fields";
import { OidcFields } from "./oidc-fields";
import { SamlFields } from "./saml-fields";
import { useCreateSsoConnection, useUpdateSsoConnection } from "./use-sso";

export interface SsoConnectionFormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The connection to edit; omitted to add one. */
  connection?: SsoConnection | undefined;
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
}

/** Add or edit a connection. Field errors, the form's own or the server's, show inline. */
export function SsoConnectionFormDialog({
  open,
  onOpenChange,
  connection,
  onCloseAutoFocus,
  className,
}: SsoConnectionFormDialogProps) {
  const strings = useStrings();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <DialogPanel
        title={connection ? strings.ssoEditTitle(connection.name) : strings.ssoCreateTitle}
        className={cx("pb-sso-form", className)}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        {/* Mounted per opening, so every opening starts from the connection's current values. */}
        {open && <ConnectionForm connection={connection} onDone={() => onOpenChange(false)} />}
      </DialogPanel>
    </Dialog.Root>
  );
}

/** Which error paths each form value feeds, so editing a field clears its own error. */
const errorPaths: Partial<Record<keyof SsoFormValues, string>> = {
  name: "name",
  samlSource: "saml",
  metadataUrl: "saml",
  metadataXml: "saml",
  idpEntityId: "saml",
  ssoUrl: "saml",
  certificate: "saml",
  nextCertificate: "saml",
  issuer: "oidc.issuer",
  clientId: "oidc.clientId",
  clientSecret: "oidc.clientSecret",
  scopes: "oidc.scopes",
  mapping: "attributeMapping",
  groupRoles: "groupRoles",
};
const fieldPrefixes = ["name", "saml", "oidc", "attributeMapping", "groupRoles"];

function ConnectionForm({
  connection,
  onDone,
}: {
  connection: SsoConnection | undefined;
  onDone: () => void;
}) {
  const strings = useStrings();
  const [values, setValues] = useState(() => initialValues(connection));
  const create = useCreateSsoConnection();
  const update = useUpdateSsoConnection();
  const form = useServerForm(fieldPrefixes, [create, update]);
  const { fieldError } = form;

  function send() {
    if (!connection) {
      create.mutate(createInput(values), { onSuccess: onDone, onError: form.onError });
      return;
    }
    update.mutate(
      { id: connection.id, input: updateInput(values, connection) },
      { onSuccess: onDone, onError: form.onError },
    );
  }

  const change = (fields: Partial<SsoFormValues>) => {
    setValues((current) => ({ ...current, ...fields }));
    form.clearErrors(
      Object.keys(fields).flatMap((key) => errorPaths[key as keyof SsoFormValues] ?? []),
    );
  };
  const props = { values, change, fieldError, editing: connection !== undefined };

  return (
    <form ref={form.ref} className="pb-form" noValidate onSubmit={form.onSubmit(send)}>
      <TextField
        label={strings.ssoName}
        hint={strings.ssoNameHint}
        error={fieldError("name")}
        value={values.name}
        onValueChange={(name) => change({ name })}
      />
      {!connection && (
        <Field label={strings.ssoProtocol} error={undefined}>
          {(field) => (
            <Select
              {...field}
              value={values.protocol}
              onValueChange={(protocol) => {
                form.clearErrors();
                change({ protocol });
              }}
              options={ssoProtocols.map((protocol) => ({
                value: protocol,
                label: strings.ssoProtocols[protocol] ?? protocol,
              }))}
            />
          )}
        </Field>
      )}
      {values.protocol === "saml" ? <SamlFields {...props} /> : <OidcFields {...props} />}
      <MappingFields values={values} change={change} fieldError={fieldError} />
      <DialogActions
        error={form.formError}
        pending={form.pending}
        submitLabel={connection ? strings.ssoSave : strings.ssoCreate}
        pendingLabel={strings.ssoSaving}
      />
    </form>
  );
}
