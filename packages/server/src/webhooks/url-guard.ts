import { type IpRange, inRange, isPublicAddress, parseIp, parseRange } from "./ip-address";

/** Every address a host name resolves to. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export interface UrlGuardOptions {
  /** Allow `http://` URLs. Default false: https only. */
  allowHttp?: boolean;
  /**
   * Addresses or CIDR ranges allowed although not public, e.g. `["127.0.0.1"]` for a local
   * receiver in a demo or test. Default none.
   */
  allowAddresses?: readonly string[];
  /**
   * Resolves host names before the check. Defaults to Node's `dns.lookup` when running on Node;
   * elsewhere (browsers, edge runtimes) only IP literals are checked unless you pass one.
   */
  resolveHost?: ResolveHost;
}

export type UrlCheck =
  | { ok: true }
  | { ok: false; code: "insecure_url" | "blocked_address" | "unresolvable_host"; message: string };

interface NodeDns {
  promises: { lookup(host: string, options: { all: true }): Promise<{ address: string }[]> };
}

/**
 * Node's resolver without importing `node:dns`, so the main entry stays free of Node built-ins
 * and still bundles for the browser. `process.getBuiltinModule` exists from Node 20.16.
 */
function defaultResolver(): ResolveHost | undefined {
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
    .process;
  const dns = nodeProcess?.getBuiltinModule?.("node:dns") as NodeDns | undefined;
  if (!dns) return undefined;
  return async (hostname) =>
    (await dns.promises.lookup(hostname, { all: true })).map((entry) => entry.address);
}

export type AddressCheck =
  | { ok: true; addresses: string[] }
  | { ok: false; code: "blocked_address" | "unresolvable_host"; message: string };

/**
 * Resolves a host name and checks every address it answers. Shared by the URL guard and by the
 * Node transport's `lookup`, which connects only to the addresses this call approved.
 */
export function createAddressPolicy(options: UrlGuardOptions = {}) {
  const allowed: IpRange[] = (options.allowAddresses ?? []).map(parseRange);
  const resolve = options.resolveHost ?? defaultResolver();
  const permitted = (address: string) => {
    const bytes = parseIp(address);
    if (!bytes) return false;
    return isPublicAddress(bytes) || allowed.some((range) => inRange(bytes, range));
  };

  return async function checkHost(host: string): Promise<AddressCheck> {
    let addresses: string[];
    if (parseIp(host)) addresses = [host];
    else if (!resolve) {
      // Without a resolver only names that are obviously local can be refused.
      addresses = /(^|\.)localhost\.?$/i.test(host) ? ["127.0.0.1"] : [];
    } else {
      try {
        addresses = await resolve(host);
      } catch {
        return { ok: false, code: "unresolvable_host", message: `${host} does not resolve` };
      }
      if (addresses.length === 0) {
        return { ok: false, code: "unresolvable_host", message: `${host} does not resolve` };
      }
    }
    if (addresses.some((address) => !permitted(address))) {
      return {
        ok: false,
        code: "blocked_address",
        message: `${host} resolves to a private or reserved address`,
      };
    }
    return { ok: true, addresses };
  };
}

export type AddressPolicy = ReturnType<typeof createAddressPolicy>;

/**
 * The SSRF guard, run when an endpoint is saved and again before every send (DNS can change
 * between the two: a rebinding attack answers a public address first, a private one later).
 * On Node the connection itself is pinned too (see `node-transport.ts`).
 */
export function createUrlGuard(
  options: UrlGuardOptions = {},
  checkHost = createAddressPolicy(options),
) {
  return async function checkUrl(url: string): Promise<UrlCheck> {
    const parsed = URL.canParse(url) ? new URL(url) : null;
    if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
      return { ok: false, code: "insecure_url", message: "Must be an https:// URL" };
    }
    if (parsed.protocol === "http:" && !options.allowHttp) {
      return { ok: false, code: "insecure_url", message: "Must be an https:// URL" };
    }
    const check = await checkHost(parsed.hostname);
    return check.ok ? { ok: true } : check;
  };
}

export type UrlGuard = ReturnType<typeof createUrlGuard>;
