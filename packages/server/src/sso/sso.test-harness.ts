import { inflateRawSync } from "node:zlib";
import type { Identity, SsoConnection, SsoDomain } from "@plugboard/core";
import { generateEncryptionKey } from "../crypto/keyring";
import { createPlugboard } from "../plugboard";
import { memoryStore } from "../stores/memory/memory-store";
import type { Store } from "../stores/types";
import type { SsoLogin, SsoOptions } from "./options";

export const ORIGIN = "https://app.test";
export const BASE = `${ORIGIN}/api/plugboard`;

export const users: Record<string, Identity> = {
  ada: { userId: "usr_ada", organizationId: "org_acme", role: "admin" },
  grace: { userId: "usr_grace", organizationId: "org_acme", role: "member" },
  linus: { userId: "usr_linus", organizationId: "org_globex", role: "admin" },
};

/**
 * A host with SSO: `onLogin` records who signed in and answers a redirect with its own session
 * cookie. DNS is a map the test fills (`txt`).
 */
export function ssoHost(options: Partial<SsoOptions> & { store?: Store } = {}) {
  const logins: SsoLogin[] = [];
  const txt = new Map<string, string[][]>();
  const { store, ...sso } = options;
  const plugboard = createPlugboard({
    store: store ?? memoryStore(),
    authenticate: (request) => users[request.headers.get("x-user") ?? ""] ?? null,
    encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
    sso: {
      origin: ORIGIN,
      async onLogin(login) {
        logins.push(login);
        return new Response(null, {
          status: 302,
          headers: { location: login.returnTo ?? "/", "set-cookie": "host_session=signed-in" },
        });
      },
      resolveTxt: async (name) => {
        const records = txt.get(name);
        if (!records) throw Object.assign(new Error("queryTxt ENOTFOUND"), { code: "ENOTFOUND" });
        return records;
      },
      ...sso,
    },
  });

  async function call(
    method: string,
    path: string,
    init: { user?: string; json?: unknown; cookie?: string; form?: Record<string, string> } = {},
  ) {
    const headers = new Headers();
    if (init.user) headers.set("x-user", init.user);
    if (init.cookie) headers.set("cookie", init.cookie);
    let body: string | undefined;
    if (init.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(init.json);
    }
    if (init.form) {
      headers.set("content-type", "application/x-www-form-urlencoded");
      body = new URLSearchParams(init.form).toString();
    }
    const url = path.startsWith("http") ? path : `${BASE}${path}`;
    return plugboard.handler(new Request(url, { method, headers, body }));
  }

  /** Adds and verifies a domain for an organization's admin. */
  async function proveDomain(domain: string, user = "ada"): Promise<SsoDomain> {
    const added = (await (
      await call("POST", "/sso/domains", { user, json: { domain } })
    ).json()) as SsoDomain;
    txt.set(added.txtRecord.name, [[added.txtRecord.value]]);
    const verified = await call("POST", `/sso/domains/${added.id}/verify`, { user });
    if (verified.status !== 200) throw new Error(`verify answered ${verified.status}`);
    return (await verified.json()) as SsoDomain;
  }

  async function createConnection(json: unknown, user = "ada"): Promise<SsoConnection> {
    const response = await call("POST", "/sso/connections", { user, json });
    if (response.status !== 201)
      throw new Error(`create answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as SsoConnection;
  }

  /** Starts a login like a browser: the redirect to the IdP and the binding cookie it set. */
  async function startLogin(query: string, cookie?: string) {
    const response = await call("GET", `/sso/login?${query}`, cookie ? { cookie } : {});
    const location = response.headers.get("location") ?? "";
    const setCookie = response.headers.get("set-cookie") ?? "";
    return {
      response,
      location: location ? new URL(location) : null,
      cookie: setCookie.split(";")[0] ?? "",
    };
  }

  return { plugboard, logins, txt, call, proveDomain, createConnection, startLogin };
}

/** The AuthnRequest's ID from an HTTP-Redirect binding URL. */
export function authnRequestId(location: URL): string {
  const deflated = Buffer.from(location.searchParams.get("SAMLRequest") ?? "", "base64");
  const xml = inflateRawSync(deflated).toString("utf8");
  return /\bID="([^"]+)"/.exec(xml)?.[1] ?? "";
}
