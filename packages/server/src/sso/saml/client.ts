import type { SAML } from "@node-saml/node-saml";
import type { ResolvedSsoOptions } from "../options";
import type { SamlSettings } from "../store/types";

export interface SamlEndpoints {
  entityId: string;
  acsUrl: string;
}

/**
 * node-saml configured for one connection. Signature checking, Conditions times and the
 * Audience are left to it; what it does not check (see response.ts) is checked by Plugboard.
 * Loaded on first use: the library needs Node, and the rest of the kit runs anywhere.
 */
export async function samlClient(
  settings: SamlSettings,
  endpoints: SamlEndpoints,
  options: ResolvedSsoOptions,
  requestId?: string,
): Promise<SAML> {
  const { SAML, ValidateInResponseTo } = await import("@node-saml/node-saml");
  return new SAML({
    issuer: endpoints.entityId,
    audience: endpoints.entityId,
    callbackUrl: endpoints.acsUrl,
    entryPoint: settings.ssoUrl,
    idpIssuer: settings.idpEntityId,
    idpCert: settings.certificates,
    // Either the response or the assertion must be signed: node-saml then requires one valid
    // signature. Its strict default (response signed) refuses Entra's and Google's assertion-only signing.
    wantAuthnResponseSigned: false,
    wantAssertionsSigned: false,
    // InResponseTo is bound to the browser and consumed once by Plugboard (response.ts).
    validateInResponseTo: ValidateInResponseTo.never,
    acceptedClockSkewMs: options.clockSkewMs,
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    signatureAlgorithm: "sha256",
    digestAlgorithm: "sha256",
    ...(requestId === undefined ? {} : { generateUniqueId: () => requestId }),
  });
}
