import {
  type CreateSsoConnectionInput,
  createId,
  type createSsoConnectionSchema,
  PlugboardError,
  type SsoConnection,
  type UpdateSsoConnectionInput,
  type updateSsoConnectionSchema,
} from "@plugboard/core";
import type { z } from "zod";
import type { PlugboardContext } from "../context";
import { describeCertificates, toPem } from "./saml/certificates";
import { parseIdpMetadata } from "./saml/metadata";
import type { SamlSettings, SsoConnectionRecord } from "./store/types";
import { serviceProviderUrls } from "./urls";

type CreateInput = z.output<typeof createSsoConnectionSchema>;
type UpdateInput = z.output<typeof updateSsoConnectionSchema>;
type SamlInput = Extract<CreateInput, { protocol: "saml" }>["saml"];
type OidcInput = Extract<CreateInput, { protocol: "oidc" }>["oidc"];

export type { CreateSsoConnectionInput, UpdateSsoConnectionInput };

const secretContext = (connectionId: string) => `sso-connection:${connectionId}`;

export async function presentConnection(
  context: PlugboardContext,
  record: SsoConnectionRecord,
): Promise<SsoConnection> {
  const urls = serviceProviderUrls(context.sso.options.origin, context.basePath, record.id);
  const saml = record.saml;
  return {
    id: record.id,
    organizationId: record.organizationId,
    name: record.name,
    protocol: record.protocol,
    enabled: record.enabled,
    attributeMapping: record.attributeMapping,
    groupRoles: record.groupRoles,
    saml: saml
      ? {
          idpEntityId: saml.idpEntityId,
          ssoUrl: saml.ssoUrl,
          metadataUrl: saml.metadataUrl,
          certificates: await describeCertificates(saml.certificates, context.now()),
          allowIdpInitiated: saml.allowIdpInitiated,
        }
      : null,
    oidc: record.oidc,
    serviceProvider:
      record.protocol === "saml"
        ? {
            entityId: urls.entityId,
            acsUrl: urls.acsUrl,
            metadataUrl: urls.metadataUrl,
            redirectUri: null,
          }
        : {
            entityId: context.sso.options.origin,
            acsUrl: null,
            metadataUrl: null,
            redirectUri: urls.redirectUri,
          },
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
  };
}

/** SAML settings from metadata (fetched or uploaded) or by hand; hand-entered fields win. */
async function samlSettings(context: PlugboardContext, input: SamlInput): Promise<SamlSettings> {
  let metadataXml = input.metadataXml;
  if (input.metadataUrl !== undefined && metadataXml === undefined) {
    metadataXml = await fetchMetadata(context, input.metadataUrl);
  }
  const fromMetadata = metadataXml === undefined ? undefined : parseIdpMetadata(metadataXml);
  const certificates = (input.certificates ?? fromMetadata?.certificates ?? []).map(toPem);
  const settings: SamlSettings = {
    idpEntityId: input.idpEntityId ?? fromMetadata?.idpEntityId ?? "",
    ssoUrl: input.ssoUrl ?? fromMetadata?.ssoUrl ?? "",
    metadataUrl: input.metadataUrl ?? null,
    certificates,
    allowIdpInitiated: input.allowIdpInitiated,
  };
  await describeCertificates(settings.certificates, context.now()); // refuses unreadable ones
  return settings;
}

async function fetchMetadata(context: PlugboardContext, url: string): Promise<string> {
  const { options } = context.sso;
  if (!options.allowHttp && !url.startsWith("https:")) {
    throw new PlugboardError({
      code: "validation_failed",
      detail: "The metadata URL must use https",
      errors: [{ path: "saml.metadataUrl", message: "must use https" }],
    });
  }
  let response: Response;
  try {
    response = await options.fetch(url, { signal: AbortSignal.timeout(10_000), redirect: "error" });
  } catch {
    throw new PlugboardError({
      code: "provider_error",
      detail: `The IdP metadata at ${url} could not be fetched`,
    });
  }
  if (!response.ok) {
    throw new PlugboardError({
      code: "provider_error",
      detail: `The IdP metadata at ${url} answered ${response.status}`,
    });
  }
  const text = await response.text();
  if (text.length > 512_000) {
    throw new PlugboardError({
      code: "provider_error",
      detail: "The IdP metadata is larger than 500 KB",
    });
  }
  return text;
}

function checkIssuer(context: PlugboardContext, issuer: string) {
  if (!context.sso.options.allowHttp && !issuer.startsWith("https:")) {
    throw new PlugboardError({
      code: "validation_failed",
      detail: "The issuer must use https",
      errors: [{ path: "oidc.issuer", message: "must use https" }],
    });
  }
}

function oidcSettings(input: OidcInput) {
  return {
    issuer: input.issuer,
    clientId: input.clientId,
    scopes: input.scopes.includes("openid") ? input.scopes : ["openid", ...input.scopes],
    allowUnverifiedEmail: input.allowUnverifiedEmail,
  };
}

export async function createConnection(
  context: PlugboardContext,
  organizationId: string,
  input: CreateInput,
): Promise<SsoConnectionRecord> {
  const id = createId("ssoc");
  const at = context.now();
  const record: SsoConnectionRecord = {
    id,
    organizationId,
    name: input.name,
    protocol: input.protocol,
    enabled: input.enabled,
    attributeMapping: input.attributeMapping,
    groupRoles: input.groupRoles,
    saml: null,
    oidc: null,
    clientSecretCiphertext: null,
    createdAt: at,
    updatedAt: at,
  };
  if (input.protocol === "saml") {
    record.saml = await samlSettings(context, input.saml);
  } else {
    checkIssuer(context, input.oidc.issuer);
    record.oidc = oidcSettings(input.oidc);
    record.clientSecretCiphertext = await context.keyring.encrypt(
      input.oidc.clientSecret,
      secretContext(id),
    );
  }
  await context.store.sso.createConnection(record);
  return record;
}

export async function updateConnection(
  context: PlugboardContext,
  existing: SsoConnectionRecord,
  input: UpdateInput,
): Promise<SsoConnectionRecord> {
  const record: SsoConnectionRecord = {
    ...existing,
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
    ...(input.attributeMapping === undefined ? {} : { attributeMapping: input.attributeMapping }),
    ...(input.groupRoles === undefined ? {} : { groupRoles: input.groupRoles }),
    updatedAt: context.now(),
  };
  const wrongProtocol = (field: "saml" | "oidc") =>
    new PlugboardError({
      code: "validation_failed",
      detail: `This is a ${existing.protocol.toUpperCase()} connection`,
      errors: [{ path: field, message: `does not apply to a ${existing.protocol} connection` }],
    });
  if (input.saml !== undefined) {
    if (existing.protocol !== "saml") throw wrongProtocol("saml");
    record.saml = await samlSettings(context, input.saml);
  }
  if (input.oidc !== undefined) {
    if (existing.protocol !== "oidc") throw wrongProtocol("oidc");
    checkIssuer(context, input.oidc.issuer);
    record.oidc = oidcSettings({ ...input.oidc, clientSecret: "" });
    if (input.oidc.clientSecret !== undefined) {
      record.clientSecretCiphertext = await context.keyring.encrypt(
        input.oidc.clientSecret,
        secretContext(existing.id),
      );
    }
  }
  if (!(await context.store.sso.updateConnection(record))) {
    throw new PlugboardError({ code: "not_found", detail: "No such SSO connection" });
  }
  return record;
}

export function clientSecretOf(context: PlugboardContext, record: SsoConnectionRecord) {
  if (!record.clientSecretCiphertext) throw new Error("An OIDC connection without a client secret");
  return context.keyring.decrypt(record.clientSecretCiphertext, secretContext(record.id));
}
