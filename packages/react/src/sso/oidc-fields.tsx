import { Checkbox } from "../parts/checkbox";
import { TextField } from "../parts/field";
import { useStrings } from "../provider/plugboard-provider";
import type { ProtocolFieldsProps } from "./saml-fields";

/** The OIDC client: issuer (discovered), client id, write-only secret, scopes. */
export function OidcFields({ values, change, fieldError, editing }: ProtocolFieldsProps) {
  const strings = useStrings();
  return (
    <>
      <TextField
        label={strings.ssoOidcIssuer}
        hint={strings.ssoOidcIssuerHint}
        error={fieldError("oidc.issuer")}
        type="url"
        value={values.issuer}
        onValueChange={(issuer) => change({ issuer })}
      />
      <TextField
        label={strings.ssoOidcClientId}
        error={fieldError("oidc.clientId")}
        value={values.clientId}
        onValueChange={(clientId) => change({ clientId })}
      />
      <TextField
        label={strings.ssoOidcClientSecret}
        hint={editing ? strings.ssoOidcClientSecretKeep : undefined}
        error={fieldError("oidc.clientSecret")}
        type="password"
        autoComplete="new-password"
        value={values.clientSecret}
        onValueChange={(clientSecret) => change({ clientSecret })}
      />
      <TextField
        label={strings.ssoOidcScopes}
        hint={strings.ssoOidcScopesHint}
        error={fieldError("oidc.scopes")}
        spellCheck={false}
        value={values.scopes}
        onValueChange={(scopes) => change({ scopes })}
      />
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
