import type { Role, SsoProtocol } from "@plugboard/core";

/** Who signed in, as the IdP vouched for it; the host turns it into its own session. */
export interface SsoLogin {
  organizationId: string;
  connectionId: string;
  protocol: SsoProtocol;
  email: string;
  emailVerified: boolean;
  name: string | null;
  /** The IdP's stable id for the user: the SAML NameID or the OIDC `sub`. */
  subject: string;
  groups: string[];
  /** From the connection's group → role mapping, or null when no group matched. */
  role: Role | null;
  /** Every attribute (SAML) or claim (OIDC), for the host's own mapping. */
  attributes: Record<string, unknown>;
  /** The host path the login started from (`/projects`), already checked to be a path. */
  returnTo: string | null;
  request: Request;
}

export interface SsoOptions {
  /**
   * Signs the user in: sets the host's own session cookie and answers (usually a redirect to
   * `returnTo`). Plugboard owns no sessions. Answer 4xx to refuse; nothing else is done for it.
   */
  onLogin(login: SsoLogin): Response | Promise<Response>;
  /**
   * The public origin the IdP sends people back to (`https://app.example.com`): SP entity id,
   * ACS URL and OIDC redirect URI are built from it and the base path. A function when it is
   * only known once the server listens.
   */
  origin: string | (() => string);
  /** TXT lookup for domain proof. Default: node:dns `resolveTxt`. Tests pass their own. */
  resolveTxt?: (name: string) => Promise<string[][]>;
  /** Fetches IdP metadata and OIDC discovery, tokens and keys. Default: the global fetch. */
  fetch?: typeof fetch;
  /** Accept http:// metadata URLs and OIDC issuers (loopback demos and tests only). Default false. */
  allowHttp?: boolean;
  /** Clock skew tolerated on SAML and OIDC times, in milliseconds. Default 180 000 (3 min). */
  clockSkewMs?: number;
  /** How long a started login may take, in milliseconds. Default 600 000 (10 min). */
  requestTtlMs?: number;
  /** How long a domain's TXT token is accepted, in milliseconds. Default 7 days. */
  domainTokenTtlMs?: number;
  /** More domains to refuse as consumer mail (gmail.com and the usual ones are built in). */
  consumerDomains?: readonly string[];
  /** Called (by the worker, daily) for each SAML certificate within 30 days of expiry. */
  onCertificateExpiring?(warning: CertificateExpiring): void | Promise<void>;
}

export interface CertificateExpiring {
  organizationId: string;
  connectionId: string;
  fingerprint: string;
  expiresAt: string;
}

export interface ResolvedSsoOptions
  extends Required<Omit<SsoOptions, "onCertificateExpiring" | "origin">> {
  readonly origin: string;
  onCertificateExpiring: SsoOptions["onCertificateExpiring"];
}

export function resolveSsoOptions(options: SsoOptions): ResolvedSsoOptions {
  const { origin } = options;
  return {
    onLogin: options.onLogin,
    get origin() {
      return (typeof origin === "function" ? origin() : origin).replace(/\/+$/, "");
    },
    resolveTxt: options.resolveTxt ?? defaultResolveTxt,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    allowHttp: options.allowHttp ?? false,
    clockSkewMs: options.clockSkewMs ?? 180_000,
    requestTtlMs: options.requestTtlMs ?? 600_000,
    domainTokenTtlMs: options.domainTokenTtlMs ?? 7 * 86_400_000,
    consumerDomains: options.consumerDomains ?? [],
    onCertificateExpiring: options.onCertificateExpiring,
  };
}

async function defaultResolveTxt(name: string): Promise<string[][]> {
  const dns = await import("node:dns/promises");
  return dns.resolveTxt(name);
}
