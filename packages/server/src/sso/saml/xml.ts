import { DOMParser } from "@xmldom/xmldom";
import { SsoRefusal } from "../refusal";

export const samlNs = {
  protocol: "urn:oasis:names:tc:SAML:2.0:protocol",
  assertion: "urn:oasis:names:tc:SAML:2.0:assertion",
  metadata: "urn:oasis:names:tc:SAML:2.0:metadata",
  dsig: "http://www.w3.org/2000/09/xmldsig#",
} as const;

/**
 * Parses XML from outside strictly. A document type declaration is refused before parsing: SAML
 * never needs one, and it is how entity expansion (billion laughs) and external entities (XXE)
 * get in.
 */
export function parseUntrustedXml(xml: string): Document {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new SsoRefusal(
      "xml_doctype",
      "The XML declares a document type or entities, which SAML never needs",
      400,
    );
  }
  const errors: string[] = [];
  const record = (message: string) => errors.push(message);
  const document = new DOMParser({
    errorHandler: { error: record, fatalError: record },
  }).parseFromString(xml, "text/xml");
  if (errors.length > 0 || !document.documentElement) {
    throw new SsoRefusal("xml_malformed", "The XML could not be read", 400);
  }
  return document;
}

export function elements(root: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}

export function children(parent: Element, ns: string, localName: string): Element[] {
  return Array.from(parent.childNodes ?? []).filter(
    (node): node is Element =>
      node.nodeType === 1 &&
      (node as Element).namespaceURI === ns &&
      (node as Element).localName === localName,
  );
}

export function firstChild(parent: Element, ns: string, localName: string): Element | undefined {
  return children(parent, ns, localName)[0];
}

/** Every text node below, comments and all other nodes skipped. */
export function textOf(node: Node | undefined): string {
  return node?.textContent?.trim() ?? "";
}

export function hasComment(node: Node): boolean {
  for (const child of Array.from(node.childNodes ?? [])) {
    if (child.nodeType === 8 || hasComment(child)) return true;
  }
  return false;
}
