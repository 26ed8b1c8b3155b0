import { Checkbox } from "../parts/checkbox";
import { Field, TextField } from "../parts/field";
import { Select } from "../parts/select";
import { useStrings } from "../provider/plugboard-provider";
import type { SamlSource, SsoFormValues } from "./form-values";

export interface ProtocolFieldsProps {
  values: SsoFormValues;
  change: (fields: Partial<SsoFormValues>) => void;
  fieldError: (path: string, exact?: boolean) => string | undefined;
  editing: boolean;
}

/** The IdP's SAML settings: from its metadata (URL or file), or by hand with certificates. */
export function SamlFields({ values, change, fieldError, editing }: ProtocolFieldsProps) {
  const strings = useStrings();
  const sources: SamlSource[] = editing
    ? ["keep", "metadataUrl", "metadataXml", "manual"]
    : ["metadataUrl", "metadataXml", "manual"];
  const source = values.samlSource;
  return (
    <>
      <Field label={strings.ssoSamlSource} error={fieldError("saml", true)}>
        {(props) => (
          <Select
            {...props}
            value={source}
            onValueChange={(samlSource) => change({ samlSource })}
            options={sources.map((value) => ({
              value,
              label:
                value === "keep"
                  ? strings.ssoSamlKeepSettings
                  : (strings.ssoSamlSources[value] ?? value),
            }))}
          />
        )}
      </Field>
      {source === "metadataUrl" && (
        <TextField
          label={strings.ssoSamlMetadataUrl}
          error={fieldError("saml.metadataUrl")}
          type="url"
          value={values.metadataUrl}
          onValueChange={(metadataUrl) => change({ metadataUrl })}
        />
      )}
      {source === "metadataXml" && (
        <Field
          label={strings.ssoSamlMetadataXml}
          hint={
            values.metadataFileName
              ? strings.ssoSamlMetadataLoaded(values.metadataFileName)
              : undefined
          }
          error={fieldError("saml.metadataXml")}
        >
          {(props) => (
            <input
              {...props}
              className="pb-input"
              type="file"
              accept=".xml,application/xml,text/xml,application/samlmetadata+xml"
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (file) change({ metadataXml: await file.text(), metadataFileName: file.name });
              }}
            />
          )}
        </Field>
      )}
      {source === "manual" && (
        <>
          <TextField
            label={strings.ssoSamlEntityId}
            error={fieldError("saml.idpEntityId")}
            value={values.idpEntityId}
            onValueChange={(idpEntityId) => change({ idpEntityId })}
          />
          <TextField
            label={strings.ssoSamlSsoUrl}
            error={fieldError("saml.ssoUrl")}
            type="url"
            value={values.ssoUrl}
            onValueChange={(ssoUrl) => change({ ssoUrl })}
          />
          <TextField
            label={strings.ssoSamlCertificate}
            error={fieldError("saml.certificates.0") ?? fieldError("saml.certificates")}
            rows={4}
            className="pb-sso__pem"
            spellCheck={false}
            placeholder="-----BEGIN CERTIFICATE-----"
            value={values.certificate}
            onValueChange={(certificate) => change({ certificate })}
          />
          <TextField
            label={strings.ssoSamlNextCertificate}
            error={fieldError("saml.certificates.1")}
            rows={3}
            className="pb-sso__pem"
            spellCheck={false}
            value={values.nextCertificate}
            onValueChange={(nextCertificate) => change({ nextCertificate })}
          />
        </>
      )}
      <label className="pb-choice">
        <Checkbox
          checked={values.allowIdpInitiated}
          onCheckedChange={(on) => change({ allowIdpInitiated: on })}
        />
        <span>
          {strings.ssoSamlIdpInitiated}
          <span className="pb-hint pb-sso__choice-hint">{strings.ssoSamlIdpInitiatedHint}</span>
        </span>
      </label>
    </>
  );
}
