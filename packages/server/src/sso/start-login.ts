import { createId, PlugboardError } from "@plugboard/core";
import type { PlugboardContext } from "../context";
import { bindingCookie, bindingFor, sha256Hex } from "./browser-binding";
import { clientSecretOf } from "./connections";
import { clearTestRunCookie, openTestTicket, type TestTicket, testRunCookie } from "./dry-run";
import { refusalPage, SsoRefusal } from "./refusal";
import { samlClient } from "./saml/client";
import type { SsoConnectionRecord } from "./store/types";
import { serviceProviderUrls } from "./urls";

/** The connection a login goes to: by a test ticket, by name, or by the email's verified domain. */
async function connectionFor(
  context: PlugboardContext,
  query: { email?: string | undefined; connection?: string | undefined },
  ticket: TestTicket | null,
): Promise<SsoConnectionRecord> {
  const { store } = context;
  if (ticket) {
    const found = await store.sso.getConnection(ticket.organizationId, ticket.connectionId);
    if (!found) throw new SsoRefusal("no_connection", "No such SSO connection", 404);
    if (!found.enabled)
      throw new SsoRefusal("connection_disabled", "This SSO connection is disabled", 403);
    return found;
  }
  if (query.connection !== undefined) {
    const found = await store.sso.findConnection(query.connection);
    if (!found) throw new SsoRefusal("no_connection", "No such SSO connection", 404);
    if (!found.enabled)
      throw new SsoRefusal("connection_disabled", "This SSO connection is disabled", 403);
    return found;
  }
  const domain = (query.email ?? "").toLowerCase().split("@").pop() ?? "";
  const owner = await store.sso.findVerifiedDomain(domain);
  const enabled = owner
    ? (await store.sso.listConnections(owner.organizationId)).filter((c) => c.enabled)
    : [];
  const first = enabled[0];
  if (!first) {
    throw new SsoRefusal(
      "no_connection",
      `Single sign-on is not set up for ${domain || "this address"}`,
      404,
    );
  }
  return first;
}

/**
 * Starts a login: records the request (bound to this browser by a cookie) and redirects to the
 * IdP. SAML's AuthnRequest id comes back as InResponseTo; OIDC's state, nonce and PKCE verifier
 * come back through the callback.
 */
export async function startLogin(
  context: PlugboardContext,
  request: Request,
  query: {
    email?: string | undefined;
    connection?: string | undefined;
    returnTo?: string | undefined;
    test?: string | undefined;
  },
): Promise<Response> {
  const { options } = context.sso;
  let connection: SsoConnectionRecord;
  let ticket: TestTicket | null = null;
  try {
    if (query.test !== undefined) ticket = await openTestTicket(context, query.test);
    connection = await connectionFor(context, query, ticket);
  } catch (error) {
    if (error instanceof SsoRefusal) return refusalPage(error);
    throw error;
  }
  const binding = bindingFor(request);
  const expiresAt = context.now() + options.requestTtlMs;
  const pending = {
    connectionId: connection.id,
    organizationId: connection.organizationId,
    browserHash: await sha256Hex(binding),
    returnTo: ticket ? null : (query.returnTo ?? null),
    testOrigin: ticket?.returnOrigin ?? null,
    expiresAt,
  };
  const urls = serviceProviderUrls(options.origin, context.basePath, connection.id);
  let location: string;
  if (connection.saml) {
    const requestId = `_${createId("sreq")}`;
    const saml = await samlClient(connection.saml, urls, options, requestId);
    location = await saml.getAuthorizeUrlAsync("", undefined, {});
    await context.store.sso.createRequest({
      ...pending,
      id: requestId,
      nonce: null,
      codeVerifierCiphertext: null,
    });
  } else if (connection.oidc) {
    const client = await import("openid-client");
    let config: Awaited<ReturnType<typeof context.sso.oidc.configuration>>;
    try {
      config = await context.sso.oidc.configuration(
        connection.id,
        connection.oidc,
        await clientSecretOf(context, connection),
      );
    } catch (error) {
      if (error instanceof SsoRefusal) return refusalPage(error);
      throw error;
    }
    const state = client.randomState();
    const nonce = client.randomNonce();
    const verifier = client.randomPKCECodeVerifier();
    const id = await sha256Hex(state);
    await context.store.sso.createRequest({
      ...pending,
      id,
      nonce,
      codeVerifierCiphertext: await context.keyring.encrypt(verifier, `sso-request:${id}`),
    });
    location = client
      .buildAuthorizationUrl(config, {
        redirect_uri: urls.redirectUri,
        scope: connection.oidc.scopes.join(" "),
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
      })
      .toString();
  } else {
    throw new PlugboardError({ code: "internal_error", detail: "A connection without settings" });
  }
  const headers = new Headers({ location, "cache-control": "no-store" });
  // Set again even when present, so the cookie outlives this request.
  headers.append(
    "set-cookie",
    bindingCookie(binding, options.origin, `${context.basePath}/sso`, options.requestTtlMs),
  );
  const cookiePath = `${context.basePath}/sso`;
  const testCookie = ticket
    ? await testRunCookie(context, ticket, cookiePath)
    : clearTestRunCookie(context, request, cookiePath);
  if (testCookie) headers.append("set-cookie", testCookie);
  return new Response(null, { status: 302, headers });
}
