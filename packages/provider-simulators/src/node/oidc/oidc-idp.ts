/// <reference path="./oidc-provider.d.ts" />
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Provider from "oidc-provider";
import { type LoopbackOptions, listenOnLoopback } from "../loopback";

export interface OidcIdpClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface OidcIdpUser {
  name?: string;
  groups?: string[];
  /** Default true. */
  emailVerified?: boolean;
}

export interface OidcIdpOptions extends LoopbackOptions {
  clients: OidcIdpClient[];
  /** Known people by email; anyone else may sign in too, with a verified email and no name. */
  users?: Record<string, OidcIdpUser>;
}

function signingKey() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), use: "sig", alg: "RS256" };
}

/**
 * An OpenID provider on loopback (oidc-provider): discovery, JWKS, authorize with PKCE, token, and
 * its sign-in page (type the email, any password). Consent is granted at once, like a company IdP
 * for its own apps. `rotateKeys()` starts signing with a new key the relying party has not seen.
 */
export async function startOidcIdp(options: OidcIdpOptions) {
  const users = options.users ?? {};
  let handle: (request: IncomingMessage, response: ServerResponse) => void = () => {};
  const server = createServer((request, response) => handle(request, response));
  const loopback = await listenOnLoopback(server, options);
  const issuer = loopback.origin;

  function build() {
    const provider: Provider = new Provider(issuer, {
      clients: options.clients.map((client) => ({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      })),
      jwks: { keys: [signingKey()] },
      async findAccount(_context, id) {
        const user = users[id] ?? {};
        return {
          accountId: id,
          async claims() {
            return {
              sub: id,
              email: id,
              email_verified: user.emailVerified ?? true,
              ...(user.name ? { name: user.name } : {}),
              groups: user.groups ?? [],
            };
          },
        };
      },
      scopes: ["openid", "email", "profile", "groups"],
      claims: {
        openid: ["sub"],
        email: ["email", "email_verified"],
        profile: ["name"],
        groups: ["groups"],
      },
      features: { devInteractions: { enabled: true } },
      pkce: { required: () => true },
      // Put the scopes' claims in the ID token itself, as most company IdPs do.
      conformIdTokenClaims: false,
      cookies: { keys: [randomUUID()] },
      async loadExistingGrant(context) {
        const clientId = context.oidc.client?.clientId ?? "";
        const accountId = context.oidc.session?.accountId ?? "";
        const existing =
          context.oidc.result?.consent?.grantId ?? context.oidc.session?.grantIdFor(clientId);
        if (existing) return provider.Grant.find(existing);
        const grant = new provider.Grant({ clientId, accountId });
        grant.addOIDCScope("openid email profile groups");
        await grant.save();
        return grant;
      },
    });
    handle = provider.callback();
  }
  build();

  return {
    issuer,
    /** A new signing key from now on (the old one is gone from the JWKS). */
    rotateKeys: build,
    /** Registers another client (an app whose callback URL is known only once it listens). */
    addClient(client: OidcIdpClient) {
      options.clients.push(client);
      build();
    },
    close: loopback.close,
  };
}

export type OidcIdp = Awaited<ReturnType<typeof startOidcIdp>>;

/**
 * Signs in headlessly, like a browser with cookies: follows the authorize redirect through the
 * IdP's sign-in form and returns the URL it sends back to the app (`stopAt`), code and all.
 */
export async function signInAtOidcIdp(
  authorizeUrl: string,
  login: string,
  stopAt: string,
): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = authorizeUrl;
  let init: RequestInit = {};
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(stopAt)) return new URL(url);
    const headers = new Headers(init.headers);
    headers.set("cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url).toString();
      init = {};
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (!action) throw new Error(`The IdP answered ${response.status} without a form`);
    const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1] ?? "login";
    url = new URL(action, url).toString();
    init = {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(
        prompt === "login" ? { prompt, login, password: "any" } : { prompt },
      ).toString(),
    };
  }
  throw new Error("The IdP sign-in did not come back");
}
