import type { PlugboardContext } from "../context";
import { readBody } from "../http/body";
import { readCookie, sameDigest, sha256Hex } from "./browser-binding";
import { clientSecretOf } from "./connections";
import { testRunOf } from "./dry-run";
import { finishLogin, refuse, unsolicited } from "./finish-login";
import { SsoRefusal } from "./refusal";
import { checkSamlResponse } from "./saml/response";
import type { SsoConnectionRecord, SsoPendingRequestRecord, StartedLogin } from "./store/types";
import { serviceProviderUrls } from "./urls";

/**
 * The request a response answers: it must exist (each is used once), belong to this connection,
 * not be expired, and have been started by this browser.
 */
async function checkAnswered(
  context: PlugboardContext,
  request: Request,
  connection: SsoConnectionRecord,
  pending: SsoPendingRequestRecord | null,
): Promise<SsoPendingRequestRecord> {
  if (!pending || pending.connectionId !== connection.id) {
    throw new SsoRefusal(
      "unknown_request",
      "This response answers no sign-in started here (or one already used)",
    );
  }
  if (pending.expiresAt <= context.now()) {
    throw new SsoRefusal("request_expired", "The sign-in took too long; start again");
  }
  const cookie = readCookie(request);
  if (!cookie || !sameDigest(await sha256Hex(cookie), pending.browserHash)) {
    throw new SsoRefusal(
      "other_browser",
      "This sign-in was started in another browser; start again here",
    );
  }
  return pending;
}

const first = (values: string[] | undefined) => values?.[0] ?? null;

export async function completeSamlLogin(
  context: PlugboardContext,
  request: Request,
  connectionId: string,
): Promise<Response> {
  const connection = await context.store.sso.findConnection(connectionId);
  // Known once the response is matched to the request we sent: a test run's refusal goes to its page.
  let started: StartedLogin | null = null;
  try {
    if (!connection?.saml) throw new SsoRefusal("no_connection", "No such SAML connection", 404);
    if (!connection.enabled)
      throw new SsoRefusal("connection_disabled", "This SSO connection is disabled");
    const body = await readBody(request, context.maxBodyBytes);
    const samlResponse = body.form?.get("SAMLResponse");
    if (!samlResponse)
      throw new SsoRefusal("response_malformed", "No SAMLResponse was posted", 400);
    const { options } = context.sso;
    const urls = serviceProviderUrls(options.origin, context.basePath, connection.id);
    const assertion = await checkSamlResponse(
      samlResponse,
      connection.saml,
      urls,
      options,
      context.now(),
    );
    // Replay: an assertion id is accepted once per connection, with or without InResponseTo.
    const fresh = await context.store.sso.rememberAssertion(
      connection.id,
      assertion.assertionId,
      assertion.notOnOrAfter + options.clockSkewMs,
    );
    if (!fresh) throw new SsoRefusal("replayed", "This assertion was already used");
    if (assertion.inResponseTo !== null) {
      const pending = await context.store.sso.consumeRequest(assertion.inResponseTo);
      started = pending?.connectionId === connection.id ? pending : null;
      started = await checkAnswered(context, request, connection, pending);
    } else if (!connection.saml.allowIdpInitiated) {
      throw new SsoRefusal(
        "unsolicited",
        "Sign-ins started at the identity provider are not allowed for this connection; start from the app",
      );
    }
    const mapping = connection.attributeMapping;
    const { attributes } = assertion;
    const email =
      first(attributes[mapping.email]) ?? (assertion.nameId.includes("@") ? assertion.nameId : "");
    return await finishLogin(
      context,
      connection,
      {
        email,
        // The IdP asserts the address it manages; the domain proof below is what makes it trusted.
        emailVerified: true,
        name: first(attributes[mapping.name]),
        subject: assertion.nameId,
        groups: attributes[mapping.groups] ?? [],
        attributes,
      },
      started ?? unsolicited,
      request,
    );
  } catch (error) {
    return refuse(
      context,
      connection,
      error,
      started ?? (await testRunOf(context, request, connection?.id)),
    );
  }
}

export async function completeOidcLogin(
  context: PlugboardContext,
  request: Request,
): Promise<Response> {
  const url = new URL(request.url);
  const state = url.searchParams.get("state") ?? "";
  // The state is used up here, whatever follows: a callback is answered once.
  const consumed = state ? await context.store.sso.consumeRequest(await sha256Hex(state)) : null;
  const connection = consumed
    ? await context.store.sso.findConnection(consumed.connectionId)
    : null;
  try {
    if (!connection?.oidc) {
      throw new SsoRefusal(
        "unknown_request",
        "This callback answers no sign-in started here (or one already used)",
      );
    }
    const pending = await checkAnswered(context, request, connection, consumed);
    if (!connection.enabled)
      throw new SsoRefusal("connection_disabled", "This SSO connection is disabled");
    const error = url.searchParams.get("error");
    if (error) {
      throw new SsoRefusal(
        "idp_error",
        `The identity provider did not sign you in (${error.slice(0, 100)})`,
      );
    }
    const { options } = context.sso;
    const client = await import("openid-client");
    const config = await context.sso.oidc.configuration(
      connection.id,
      connection.oidc,
      await clientSecretOf(context, connection),
    );
    const callback = new URL(
      serviceProviderUrls(options.origin, context.basePath, connection.id).redirectUri,
    );
    callback.search = url.search;
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: await context.keyring.decrypt(
          pending.codeVerifierCiphertext ?? "",
          `sso-request:${pending.id}`,
        ),
        expectedState: state,
        expectedNonce: pending.nonce ?? "",
        idTokenExpected: true,
      });
      claims = tokens.claims() ?? {};
    } catch (grantError) {
      throw oidcRefusal(grantError);
    } finally {
      await context.sso.oidc.remember(connection.id, config);
    }
    const mapping = connection.attributeMapping;
    const email =
      typeof claims[mapping.email] === "string" ? (claims[mapping.email] as string) : "";
    const emailVerified = claims.email_verified === true;
    if (!emailVerified && !connection.oidc.allowUnverifiedEmail) {
      throw new SsoRefusal(
        "email_unverified",
        "The identity provider has not verified this email address",
      );
    }
    const groups = claims[mapping.groups];
    return await finishLogin(
      context,
      connection,
      {
        email,
        emailVerified,
        name: typeof claims[mapping.name] === "string" ? (claims[mapping.name] as string) : null,
        subject: String(claims.sub),
        groups: Array.isArray(groups)
          ? groups.filter((g): g is string => typeof g === "string")
          : [],
        attributes: claims,
      },
      pending,
      request,
    );
  } catch (error) {
    return refuse(context, connection, error, consumed);
  }
}

function oidcRefusal(error: unknown): SsoRefusal {
  // openid-client wraps oauth4webapi's error, whose message says what failed.
  const cause = error instanceof Error ? error.cause : undefined;
  const message = [error, cause].map((e) => (e instanceof Error ? e.message : "")).join(" ");
  if (/signature|alg|JWS|key/i.test(message)) {
    return new SsoRefusal("signature_invalid", "The ID token's signature could not be verified");
  }
  if (/nonce/i.test(message))
    return new SsoRefusal("nonce_mismatch", "The ID token answers another sign-in (nonce)");
  if (/expired|exp|iat/i.test(message))
    return new SsoRefusal("expired", "The ID token has expired");
  if (/iss|aud|azp/i.test(message))
    return new SsoRefusal(
      "token_invalid",
      "The ID token is meant for someone else (issuer or audience)",
    );
  return new SsoRefusal("token_invalid", "The identity provider's answer could not be verified");
}
