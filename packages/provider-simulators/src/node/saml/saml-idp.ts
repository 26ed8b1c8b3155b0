import { inflateRawSync } from "node:zlib";
import { escapeHtml, htmlPage } from "../../html";
import { type LoopbackOptions, listenOnLoopback } from "../loopback";
import { toRequestListener } from "../web-listener";
import { generateSigningKey } from "./certificate";
import { buildSamlResponse, toBase64 } from "./response";

export interface SamlIdpUser {
  name?: string;
  groups?: string[];
}

export interface SamlIdpOptions extends LoopbackOptions {
  /** Known people by email; anyone else may sign in too, with no name or groups. */
  users?: Record<string, SamlIdpUser>;
}

interface AuthnRequest {
  id: string;
  acsUrl: string;
  audience: string;
}

function readAuthnRequest(encoded: string): AuthnRequest | null {
  try {
    const xml = inflateRawSync(Buffer.from(encoded, "base64")).toString("utf8");
    const id = /\bID="([^"]+)"/.exec(xml)?.[1];
    const acsUrl = /\bAssertionConsumerServiceURL="([^"]+)"/.exec(xml)?.[1];
    const audience = /<(?:\w+:)?Issuer[^>]*>([^<]+)</.exec(xml)?.[1];
    return id && acsUrl && audience ? { id, acsUrl, audience } : null;
  } catch {
    return null;
  }
}

/**
 * A SAML identity provider on loopback, signing with a key it generates: metadata at
 * `{origin}/metadata`, the HTTP-Redirect SSO endpoint at `{origin}/sso` with a sign-in page, and
 * the HTTP-POST answer (a page whose Continue button posts the signed response to the app).
 */
export async function startSamlIdp(options: SamlIdpOptions = {}) {
  const key = generateSigningKey("saml-idp.plugboard.test");
  const users = options.users ?? {};
  let origin = "";
  const entityId = () => `${origin}/saml`;

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === "GET" && url.pathname === "/metadata") {
      const certificate = key.certificate.replace(/-----[^-]+-----|\n/g, "");
      const xml = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId()}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="false">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${origin}/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
      return new Response(xml, { headers: { "content-type": "application/samlmetadata+xml" } });
    }
    if (request.method === "GET" && url.pathname === "/sso") {
      const encoded = url.searchParams.get("SAMLRequest") ?? "";
      const authn = readAuthnRequest(encoded);
      if (!authn) return htmlPage("Bad request", "<p>No readable SAMLRequest.</p>", 400);
      return htmlPage(
        "Sign in — SAML IdP",
        `<h1>SAML IdP</h1><p class="muted">Signing in to ${escapeHtml(authn.audience)}</p>
<form method="post" action="/sso/login">
<input type="hidden" name="SAMLRequest" value="${escapeHtml(encoded)}">
<input type="hidden" name="RelayState" value="${escapeHtml(url.searchParams.get("RelayState") ?? "")}">
<label>Email <input type="email" name="email" required autocomplete="username"></label>
<label>Password <input type="password" name="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button>
</form>`,
      );
    }
    if (request.method === "POST" && url.pathname === "/sso/login") {
      const form = new URLSearchParams(await request.text());
      const authn = readAuthnRequest(form.get("SAMLRequest") ?? "");
      const email = (form.get("email") ?? "").trim().toLowerCase();
      if (!authn || !email) return htmlPage("Bad request", "<p>Sign in again.</p>", 400);
      const user = users[email] ?? {};
      const xml = buildSamlResponse({
        issuer: entityId(),
        key,
        acsUrl: authn.acsUrl,
        audience: authn.audience,
        inResponseTo: authn.id,
        email,
        ...(user.name ? { name: user.name } : {}),
        ...(user.groups ? { groups: user.groups } : {}),
      });
      const page = htmlPage(
        "Signed in — SAML IdP",
        `<h1>SAML IdP</h1><p>Signed in as ${escapeHtml(email)}.</p>
<form method="post" action="${escapeHtml(authn.acsUrl)}">
<input type="hidden" name="SAMLResponse" value="${toBase64(xml)}">
<input type="hidden" name="RelayState" value="${escapeHtml(form.get("RelayState") ?? "")}">
<button type="submit">Continue</button>
</form>`,
      );
      // This page posts to the app, not back to the IdP.
      page.headers.set(
        "content-security-policy",
        `default-src 'none'; style-src 'unsafe-inline'; form-action ${new URL(authn.acsUrl).origin}`,
      );
      return page;
    }
    return new Response("Not found", { status: 404 });
  }

  const loopback = await listenOnLoopback(
    toRequestListener(handle, () => origin),
    options,
  );
  origin = loopback.origin;
  return {
    origin,
    entityId: entityId(),
    metadataUrl: `${origin}/metadata`,
    certificate: key.certificate,
    close: loopback.close,
  };
}

export type SamlIdp = Awaited<ReturnType<typeof startSamlIdp>>;
