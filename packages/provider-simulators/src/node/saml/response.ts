import { randomUUID } from "node:crypto";
import { SignedXml } from "xml-crypto";
import { escapeHtml as escapeXml } from "../../html";
import type { SigningKey } from "./certificate";

export interface SamlResponseOptions {
  /** The IdP's entity id (the Issuer). */
  issuer: string;
  key: SigningKey;
  acsUrl: string;
  /** The service provider's entity id. */
  audience: string;
  email: string;
  name?: string;
  groups?: string[];
  /** The AuthnRequest answered; omitted for an IdP-initiated response. */
  inResponseTo?: string;
  /** Which element carries the signature. Default `assertion` (Entra's and Google's default). */
  sign?: "response" | "assertion" | "both" | "none";
  /** Default sha256. */
  algorithm?: "sha256" | "sha1";
  /** The NameID text, raw XML allowed (tests inject comments). Default: the email. */
  nameIdXml?: string;
  assertionId?: string;
  /** Default: the ACS URL; null leaves the attribute out. */
  destination?: string | null;
  /** Default: the ACS URL. */
  recipient?: string;
  /** Default: five minutes from now. */
  notOnOrAfter?: Date;
  notBefore?: Date;
}

const algorithms = {
  sha256: {
    signature: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    digest: "http://www.w3.org/2001/04/xmlenc#sha256",
  },
  sha1: {
    signature: "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
    digest: "http://www.w3.org/2000/09/xmldsig#sha1",
  },
};

function sign(
  xml: string,
  key: SigningKey,
  element: "Response" | "Assertion",
  algorithm: "sha256" | "sha1",
) {
  const { signature, digest } = algorithms[algorithm];
  const signer = new SignedXml({
    privateKey: key.privateKey,
    publicCert: key.certificate,
    signatureAlgorithm: signature,
    canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
  });
  const path =
    element === "Response"
      ? "/*[local-name(.)='Response']"
      : "/*[local-name(.)='Response']/*[local-name(.)='Assertion']";
  signer.addReference({
    xpath: path,
    digestAlgorithm: digest,
    transforms: [
      "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
      "http://www.w3.org/2001/10/xml-exc-c14n#",
    ],
  });
  // The schema puts the Signature right after the element's Issuer.
  signer.computeSignature(xml, {
    location: { reference: `${path}/*[local-name(.)='Issuer']`, action: "after" },
  });
  return signer.getSignedXml();
}

/** A SAML 2.0 Response as an IdP posts it, signed as asked; the XML text (base64 it to post). */
export function buildSamlResponse(options: SamlResponseOptions): string {
  const now = new Date();
  const notOnOrAfter = (options.notOnOrAfter ?? new Date(now.getTime() + 300_000)).toISOString();
  const notBefore = (options.notBefore ?? new Date(now.getTime() - 60_000)).toISOString();
  const inResponseTo = options.inResponseTo
    ? ` InResponseTo="${escapeXml(options.inResponseTo)}"`
    : "";
  const destination =
    options.destination === null
      ? ""
      : ` Destination="${escapeXml(options.destination ?? options.acsUrl)}"`;
  const attribute = (name: string, values: string[]) =>
    `<saml:Attribute Name="${escapeXml(name)}">${values
      .map((value) => `<saml:AttributeValue>${escapeXml(value)}</saml:AttributeValue>`)
      .join("")}</saml:Attribute>`;
  const assertionId = options.assertionId ?? `_a${randomUUID()}`;
  let xml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${randomUUID()}" Version="2.0" IssueInstant="${now.toISOString()}"${destination}${inResponseTo}><saml:Issuer>${escapeXml(options.issuer)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion ID="${escapeXml(assertionId)}" Version="2.0" IssueInstant="${now.toISOString()}"><saml:Issuer>${escapeXml(options.issuer)}</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${options.nameIdXml ?? escapeXml(options.email)}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}" Recipient="${escapeXml(options.recipient ?? options.acsUrl)}"${inResponseTo}/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${escapeXml(options.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="_s${randomUUID()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement>${attribute("email", [options.email])}${options.name ? attribute("name", [options.name]) : ""}${options.groups?.length ? attribute("groups", options.groups) : ""}</saml:AttributeStatement></saml:Assertion></samlp:Response>`;
  const how = options.sign ?? "assertion";
  const algorithm = options.algorithm ?? "sha256";
  if (how === "assertion" || how === "both") xml = sign(xml, options.key, "Assertion", algorithm);
  if (how === "response" || how === "both") xml = sign(xml, options.key, "Response", algorithm);
  return xml;
}

export const toBase64 = (xml: string) => Buffer.from(xml, "utf8").toString("base64");
