import { PlugboardError } from "@plugboard/core";
import { SsoRefusal } from "../refusal";
import { toPem } from "./certificates";
import { children, elements, parseUntrustedXml, samlNs, textOf } from "./xml";

export interface IdpMetadata {
  idpEntityId: string;
  ssoUrl: string;
  certificates: string[];
}

const redirectBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

/** The IdP's entity id, its HTTP-Redirect SSO URL and its signing certificates, from metadata XML. */
export function parseIdpMetadata(xml: string): IdpMetadata {
  const invalid = (message: string) =>
    new PlugboardError({
      code: "validation_failed",
      detail: `The IdP metadata ${message}`,
      errors: [{ path: "saml.metadataXml", message }],
    });
  let document: Document;
  try {
    document = parseUntrustedXml(xml);
  } catch (error) {
    if (error instanceof SsoRefusal) throw invalid(error.detail.toLowerCase());
    throw error;
  }
  const descriptor = elements(document, samlNs.metadata, "EntityDescriptor")[0];
  const idp = elements(document, samlNs.metadata, "IDPSSODescriptor")[0];
  const idpEntityId = descriptor?.getAttribute("entityID") ?? "";
  if (!descriptor || !idp || idpEntityId === "") throw invalid("has no IdP EntityDescriptor");
  const sso = children(idp, samlNs.metadata, "SingleSignOnService").find(
    (service) => service.getAttribute("Binding") === redirectBinding,
  );
  const ssoUrl = sso?.getAttribute("Location") ?? "";
  if (!URL.canParse(ssoUrl)) throw invalid("has no HTTP-Redirect SingleSignOnService");
  const certificates = children(idp, samlNs.metadata, "KeyDescriptor")
    .filter((key) => (key.getAttribute("use") ?? "signing") === "signing")
    .flatMap((key) => elements(key, samlNs.dsig, "X509Certificate"))
    .map((certificate) => toPem(textOf(certificate)));
  if (certificates.length === 0) throw invalid("has no signing certificate");
  return { idpEntityId, ssoUrl, certificates: certificates.slice(0, 2) };
}
