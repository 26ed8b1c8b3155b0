import type { ResolvedSsoOptions } from "../options";
import { SsoRefusal } from "../refusal";
import type { SamlSettings } from "../store/types";
import { type SamlEndpoints, samlClient } from "./client";
import {
  children,
  elements,
  firstChild,
  hasComment,
  parseUntrustedXml,
  samlNs,
  textOf,
} from "./xml";

/** xml-crypto accepts SHA-1 signatures and digests; SHA-1 collisions are practical, so refuse them. */
const allowedSignatureMethods = new Set([
  "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
  "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
  "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
]);
const allowedDigestMethods = new Set([
  "http://www.w3.org/2001/04/xmlenc#sha256",
  "http://www.w3.org/2001/04/xmlenc#sha512",
]);
const bearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

export interface SamlAssertion {
  assertionId: string;
  /** The SubjectConfirmationData's, from the signed assertion; null for IdP-initiated logins. */
  inResponseTo: string | null;
  notOnOrAfter: number;
  nameId: string;
  attributes: Record<string, string[]>;
}

/**
 * Checks a posted SAMLResponse and returns the signed assertion's facts. Plugboard's checks wrap
 * node-saml's: before it, no DTD, SHA-256 or better only, one assertion in the whole document, no
 * comments inside it; after it, every value is read from the signed assertion alone, and the
 * Issuer, Destination, Recipient and subject confirmation time are checked, which node-saml
 * never reads. InResponseTo and replay are the caller's (they need the store).
 */
export async function checkSamlResponse(
  samlResponse: string,
  settings: SamlSettings,
  endpoints: SamlEndpoints,
  options: ResolvedSsoOptions,
  now: number,
): Promise<SamlAssertion> {
  let xml: string;
  try {
    xml = new TextDecoder("utf-8", { fatal: true }).decode(
      Uint8Array.from(atob(samlResponse.replace(/\s+/g, "")), (char) => char.charCodeAt(0)),
    );
  } catch {
    throw new SsoRefusal("response_malformed", "The SAML response is not base64 XML", 400);
  }
  const document = parseUntrustedXml(xml);
  const root = document.documentElement;
  if (root.namespaceURI !== samlNs.protocol || root.localName !== "Response") {
    throw new SsoRefusal("response_malformed", "The posted message is not a SAML Response", 400);
  }
  for (const method of elements(document, samlNs.dsig, "SignatureMethod")) {
    if (!allowedSignatureMethods.has(method.getAttribute("Algorithm") ?? "")) {
      throw new SsoRefusal(
        "weak_algorithm",
        "The response is signed with SHA-1 or another algorithm weaker than SHA-256",
      );
    }
  }
  for (const method of elements(document, samlNs.dsig, "DigestMethod")) {
    if (!allowedDigestMethods.has(method.getAttribute("Algorithm") ?? "")) {
      throw new SsoRefusal("weak_algorithm", "The response uses a SHA-1 or weaker digest");
    }
  }
  const assertions = elements(document, samlNs.assertion, "Assertion");
  if (elements(document, samlNs.assertion, "EncryptedAssertion").length > 0) {
    throw new SsoRefusal(
      "unsupported",
      "Encrypted assertions are not supported: turn assertion encryption off at the IdP",
    );
  }
  if (assertions.length !== 1 || assertions[0]?.parentNode !== root) {
    // A second assertion anywhere (Extensions, inside a Signature's Object) is how signature
    // wrapping makes a checker verify one element and a reader use another.
    throw new SsoRefusal(
      "multiple_assertions",
      "The response must hold exactly one assertion, directly inside it",
    );
  }
  if (hasComment(assertions[0] as Element)) {
    // Canonicalization drops comments, so `alice@acme.test<!---->.evil.test` keeps a valid
    // signature while a naive reader sees only the text before the comment.
    throw new SsoRefusal("xml_comment", "The assertion contains XML comments");
  }

  const saml = await samlClient(settings, endpoints, options);
  let profile: Awaited<ReturnType<typeof saml.validatePostResponseAsync>>["profile"];
  try {
    ({ profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (error) {
    throw refusalFor(error);
  }
  const signedXml = profile?.getAssertionXml?.();
  if (!signedXml)
    throw new SsoRefusal("response_invalid", "The response holds no signed assertion");

  const destination = root.getAttribute("Destination");
  if (destination && destination !== endpoints.acsUrl) {
    throw new SsoRefusal(
      "destination_mismatch",
      "The response was sent to another service provider (Destination)",
    );
  }
  const responseIssuer = firstChild(root, samlNs.assertion, "Issuer");
  if (responseIssuer && textOf(responseIssuer) !== settings.idpEntityId) {
    throw new SsoRefusal(
      "issuer_mismatch",
      "The response comes from another identity provider (Issuer)",
    );
  }

  const assertion = parseUntrustedXml(signedXml).documentElement;
  if (textOf(firstChild(assertion, samlNs.assertion, "Issuer")) !== settings.idpEntityId) {
    throw new SsoRefusal(
      "issuer_mismatch",
      "The assertion comes from another identity provider (Issuer)",
    );
  }
  const subject = firstChild(assertion, samlNs.assertion, "Subject");
  const nameId = subject ? textOf(firstChild(subject, samlNs.assertion, "NameID")) : "";
  const confirmation = subject
    ? children(subject, samlNs.assertion, "SubjectConfirmation")
        .filter((candidate) => candidate.getAttribute("Method") === bearer)
        .map((candidate) => firstChild(candidate, samlNs.assertion, "SubjectConfirmationData"))
        .find((data) => data !== undefined)
    : undefined;
  if (!confirmation || nameId === "") {
    throw new SsoRefusal(
      "response_invalid",
      "The assertion has no subject with a bearer confirmation",
    );
  }
  if (confirmation.getAttribute("Recipient") !== endpoints.acsUrl) {
    throw new SsoRefusal(
      "recipient_mismatch",
      "The assertion was meant for another service provider (Recipient)",
    );
  }
  const notOnOrAfter = Date.parse(confirmation.getAttribute("NotOnOrAfter") ?? "");
  if (!Number.isFinite(notOnOrAfter) || notOnOrAfter + options.clockSkewMs <= now) {
    throw new SsoRefusal(
      "expired",
      "The assertion has expired (SubjectConfirmationData NotOnOrAfter)",
    );
  }
  const inResponseTo = confirmation.getAttribute("InResponseTo") || null;
  const responseInResponseTo = root.getAttribute("InResponseTo") || null;
  if (responseInResponseTo !== null && responseInResponseTo !== inResponseTo) {
    throw new SsoRefusal(
      "unknown_request",
      "The response and its assertion answer different requests",
    );
  }
  const assertionId = assertion.getAttribute("ID") ?? "";
  if (assertionId === "") throw new SsoRefusal("response_invalid", "The assertion has no ID");

  const attributes: Record<string, string[]> = {};
  for (const statement of children(assertion, samlNs.assertion, "AttributeStatement")) {
    for (const attribute of children(statement, samlNs.assertion, "Attribute")) {
      const name = attribute.getAttribute("Name") ?? "";
      if (name === "") continue;
      attributes[name] = children(attribute, samlNs.assertion, "AttributeValue").map(textOf);
    }
  }
  return { assertionId, inResponseTo, notOnOrAfter, nameId, attributes };
}

function refusalFor(error: unknown): SsoRefusal {
  const message = error instanceof Error ? error.message : String(error);
  if (/expired|NotBefore|NotOnOrAfter/i.test(message)) {
    return new SsoRefusal("expired", "The assertion is expired or not yet valid");
  }
  if (/audience/i.test(message)) {
    return new SsoRefusal(
      "audience_mismatch",
      "The assertion is meant for another service provider (Audience)",
    );
  }
  if (/signature|certificate/i.test(message)) {
    return new SsoRefusal(
      "signature_invalid",
      "The response is not signed by the identity provider's certificate",
    );
  }
  if (/status/i.test(message)) {
    return new SsoRefusal("idp_error", "The identity provider did not sign you in");
  }
  return new SsoRefusal("response_invalid", "The SAML response is not valid");
}
