import type { SsoConnection } from "@plugboard/core";
import { CopyField } from "../parts/copy-field";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";

/** What the admin pastes into the IdP: ACS URL, entity id and metadata URL, or the redirect URI. */
export function ServiceProviderValues({
  connection,
  className,
}: {
  connection: SsoConnection;
  className?: string | undefined;
}) {
  const strings = useStrings();
  const sp = connection.serviceProvider;
  const values: [string, string | null][] =
    connection.protocol === "saml"
      ? [
          [strings.ssoAcsUrl, sp.acsUrl],
          [strings.ssoEntityId, sp.entityId],
          [strings.ssoMetadataUrl, sp.metadataUrl],
        ]
      : [[strings.ssoRedirectUri, sp.redirectUri]];
  return (
    <details className={cx("pb-sso__sp", className)}>
      <summary>{strings.ssoServiceProvider}</summary>
      <div className="pb-sso__sp-values">
        {values.map(([label, value]) =>
          value ? (
            <CopyField
              key={label}
              label={label}
              value={value}
              copyLabel={strings.ssoCopyValue(label)}
              copyFailed={strings.ssoCopyFailed}
            />
          ) : null,
        )}
      </div>
    </details>
  );
}
