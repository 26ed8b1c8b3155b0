import type {
  CreateSsoConnectionInput,
  Role,
  SsoConnection,
  SsoProtocol,
  UpdateSsoConnectionInput,
} from "@plugboard/core";

export type SamlSource = "keep" | "metadataUrl" | "metadataXml" | "manual";

/** The form as typed: every protocol's fields, so switching protocol keeps what was entered. */
export interface SsoFormValues {
  protocol: SsoProtocol;
  name: string;
  samlSource: SamlSource;
  metadataUrl: string;
  metadataXml: string;
  metadataFileName: string;
  idpEntityId: string;
  ssoUrl: string;
  certificate: string;
  nextCertificate: string;
  allowIdpInitiated: boolean;
  issuer: string;
  clientId: string;
  /** Write-only: empty on edit, and left out of the update unless a new one is typed. */
  clientSecret: string;
  scopes: string;
  allowUnverifiedEmail: boolean;
  mapping: { email: string; name: string; groups: string };
  groupRoles: { group: string; role: Role }[];
}

export function initialValues(connection: SsoConnection | undefined): SsoFormValues {
  const saml = connection?.saml;
  const oidc = connection?.oidc;
  return {
    protocol: connection?.protocol ?? "saml",
    name: connection?.name ?? "",
    // Certificates come back as fingerprints only: an edit keeps the IdP settings unless replaced.
    samlSource: saml ? "keep" : "metadataUrl",
    metadataUrl: saml?.metadataUrl ?? "",
    metadataXml: "",
    metadataFileName: "",
    idpEntityId: saml?.idpEntityId ?? "",
    ssoUrl: saml?.ssoUrl ?? "",
    certificate: "",
    nextCertificate: "",
    allowIdpInitiated: saml?.allowIdpInitiated ?? false,
    issuer: oidc?.issuer ?? "",
    clientId: oidc?.clientId ?? "",
    clientSecret: "",
    scopes: (oidc?.scopes ?? ["openid", "email", "profile"]).join(" "),
    allowUnverifiedEmail: oidc?.allowUnverifiedEmail ?? false,
    mapping: connection?.attributeMapping ?? { email: "email", name: "name", groups: "groups" },
    groupRoles: Object.entries(connection?.groupRoles ?? {}).map(([group, role]) => ({
      group,
      role,
    })),
  };
}

function samlInput(values: SsoFormValues, existing: SsoConnection | undefined) {
  const { allowIdpInitiated } = values;
  switch (values.samlSource) {
    case "keep":
      // Only the IdP-initiated switch changed: the metadata URL is read again with it.
      return existing?.saml && allowIdpInitiated !== existing.saml.allowIdpInitiated
        ? { metadataUrl: existing.saml.metadataUrl ?? undefined, allowIdpInitiated }
        : undefined;
    case "metadataUrl":
      return { metadataUrl: values.metadataUrl.trim(), allowIdpInitiated };
    case "metadataXml":
      return { metadataXml: values.metadataXml || undefined, allowIdpInitiated };
    case "manual":
      return {
        idpEntityId: values.idpEntityId.trim(),
        ssoUrl: values.ssoUrl.trim(),
        certificates: [values.certificate, values.nextCertificate].filter((pem) => pem.trim()),
        allowIdpInitiated,
      };
  }
}

function common(values: SsoFormValues) {
  return {
    name: values.name.trim(),
    attributeMapping: {
      email: values.mapping.email.trim(),
      name: values.mapping.name.trim(),
      groups: values.mapping.groups.trim(),
    },
    groupRoles: Object.fromEntries(
      values.groupRoles.map(({ group, role }) => [group.trim(), role] as const),
    ),
  };
}

function oidcInput(values: SsoFormValues) {
  return {
    issuer: values.issuer.trim(),
    clientId: values.clientId.trim(),
    scopes: values.scopes.split(/\s+/).filter(Boolean),
    allowUnverifiedEmail: values.allowUnverifiedEmail,
  };
}

export function createInput(values: SsoFormValues): CreateSsoConnectionInput {
  return values.protocol === "saml"
    ? {
        protocol: "saml",
        ...common(values),
        saml: samlInput(values, undefined) ?? { allowIdpInitiated: values.allowIdpInitiated },
      }
    : {
        protocol: "oidc",
        ...common(values),
        oidc: { ...oidcInput(values), clientSecret: values.clientSecret },
      };
}

export function updateInput(
  values: SsoFormValues,
  existing: SsoConnection,
): UpdateSsoConnectionInput {
  const saml = existing.protocol === "saml" ? samlInput(values, existing) : undefined;
  return {
    ...common(values),
    ...(saml ? { saml } : {}),
    ...(existing.protocol === "oidc"
      ? {
          oidc: {
            ...oidcInput(values),
            ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
          },
        }
      : {}),
  };
}
