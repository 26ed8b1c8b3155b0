import { Checkbox } from "../parts/checkbox";
import { Field } from "../parts/field";
import { useStrings } from "../provider/plugboard-provider";
import type { ProtocolFieldsProps } from "./saml-fields";

/** The OIDC client: issuer (discovered), client id, write-only secret, scopes. */
export function OidcFields({ values, change, fieldError, editing }: ProtocolFieldsProps) {
  const strings = useStrings();
  return (
    <>
      <Field
        label={strings.ssoOidcIssuer}
        hint={strings.ssoOidcIssuerHint}
        error={fieldError("oidc.issuer")}
      >
        {(props) => (
          <input
            {...props}
            className="pb-input"
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder="https://"
            value={values.issuer}
            onChange={(event) => change({ issuer: event.target.value })}
          />
        )}
      </Field>
      <Field label={strings.ssoOidcClientId} error={fieldError("oidc.clientId")}>
        {(props) => (
          <input
            {...props}
            className="pb-input"
            autoComplete="off"
            value={values.clientId}
            onChange={(event) => change({ clientId: event.target.value })}
          />
        )}
      </Field>
      <Field
        label={strings.ssoOidcClientSecret}
        hint={editing ? strings.ssoOidcClientSecretKeep : undefined}
        error={fieldError("oidc.clientSecret")}
      >
        {(props) => (
          <input
            {...props}
            className="pb-input"
            type="password"
            autoComplete="new-password"
            value={values.clientSecret}
            onChange={(event) => change({ clientSecret: event.target.value })}
          />
        )}
      </Field>
      <Field
        label={strings.ssoOidcScopes}
        hint={strings.ssoOidcScopesHint}
        error={fieldError("oidc.scopes")}
      >
        {(props) => (
          <input
            {...props}
            className="pb-input"
            autoComplete="off"
            spellCheck={false}
            value={values.scopes}
            onChange={(event) => change({ scopes: event.target.value })}
          />
        )}
      </Field>
      <label className="pb-choice">
        <Checkbox
          checked={values.allowUnverifiedEmail}
          onCheckedChange={(on) => change({ allowUnverifiedEmail: on })}
        />
        <span>{strings.ssoOidcAllowUnverified}</span>
      </label>
    </>
  );
}
