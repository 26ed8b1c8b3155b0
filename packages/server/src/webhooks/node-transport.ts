import type * as NodeHttp from "node:http";
import type * as NodeHttps from "node:https";
import type { LookupFunction } from "node:net";
import type * as NodeTls from "node:tls";
import type { AddressPolicy } from "./url-guard";

/** Sends one request; the shape of `fetch` that the sender needs. */
export type Transport = (url: string, init: RequestInit) => Promise<Response>;

/** Thrown by the pinned `lookup` when the name resolves somewhere the guard refuses. */
export class RefusedAddressError extends Error {
  constructor(
    readonly code: "blocked_address" | "unresolvable_host",
    message: string,
  ) {
    super(message);
    this.name = "RefusedAddressError";
  }
}

// Bodies are forbidden for these statuses: `new Response` throws if given one.
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

function builtin<T>(id: string): T | undefined {
  const { process } = globalThis as { process?: { getBuiltinModule?(id: string): unknown } };
  return process?.getBuiltinModule?.(id) as T | undefined;
}

/**
 * A `lookup` for `net.connect` that resolves through the SSRF policy and hands the socket only
 * addresses it just approved, so no second resolution can sneak a private address in between
 * the check and the connect (DNS rebinding). IP literals never reach a lookup: the URL guard
 * checked them already, and they cannot change.
 */
function pinnedLookup(checkHost: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    checkHost(hostname).then(
      (check) => {
        if (!check.ok) {
          callback(new RefusedAddressError(check.code, check.message), "", 0);
          return;
        }
        const entries = check.addresses.map((address) => ({
          address,
          family: address.includes(":") ? 6 : 4,
        }));
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = entries.filter((entry) => wanted === 0 || entry.family === wanted);
        if (options.all) {
          (callback as unknown as (error: null, addresses: typeof entries) => void)(null, usable);
          return;
        }
        const first = usable[0];
        if (!first) {
          callback(
            new RefusedAddressError("unresolvable_host", `${hostname} has no IPv${wanted} address`),
            "",
            0,
          );
          return;
        }
        callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, "", 0),
    );
  };
}

/** The response as a Web `Response` whose body streams, so a reader can stop and drop the rest. */
function toResponse(incoming: NodeHttp.IncomingMessage): Response {
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i] as string, raw[i + 1] as string);
    } catch {
      // A header value fetch would refuse too; the attempt log does not need it.
    }
  }
  const status = incoming.statusCode ?? 0;
  // `Response` rejects statuses outside 200–599; anything else is not HTTP worth logging.
  if (status < 200 || status > 599) throw new Error(`Invalid HTTP status ${status}`);
  if (nullBodyStatuses.has(status)) {
    incoming.resume();
    return new Response(null, { status, headers });
  }
  // Once closed, errored or cancelled the stream takes nothing more (the controller would throw).
  let settled = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        if (error === undefined) controller.close();
        else controller.error(error);
      };
      incoming.on("data", (chunk: Buffer) => {
        if (settled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        // Back-pressure: at most one chunk waits unread.
        if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
      });
      incoming.on("end", () => finish());
      incoming.on("error", (error) => finish(error));
      incoming.on("close", () => finish(new Error("The response was cut off")));
    },
    pull() {
      incoming.resume();
    },
    cancel() {
      settled = true;
      incoming.destroy();
    },
  });
  return new Response(body, { status, headers });
}

/**
 * Delivery over node:http/node:https with the connection pinned to the checked address. The
 * Host header and the TLS server name stay the URL's host, so virtual hosting and certificate
 * checks work as with fetch. Redirects are never followed (node:http does not follow them).
 * Undefined outside Node: the main entry imports no Node built-in, so this is found at run time.
 */
export function createNodeTransport(
  checkHost: AddressPolicy,
  trustedCertificates: readonly string[] = [],
): Transport | undefined {
  const http = builtin<typeof NodeHttp>("node:http");
  const https = builtin<typeof NodeHttps>("node:https");
  const tls = builtin<typeof NodeTls>("node:tls");
  if (!http || !https || !tls) return undefined;
  // An agent's `ca` replaces Node's roots: keep them, and add the host's own.
  const ca =
    trustedCertificates.length > 0 ? { ca: [...tls.rootCertificates, ...trustedCertificates] } : {};
  const lookup = pinnedLookup(checkHost);
  // Agents of our own: a pooled socket is one our lookup connected, never the host app's.
  const agents = {
    "http:": new http.Agent({ keepAlive: true }),
    "https:": new https.Agent({ keepAlive: true, ...ca }),
  };

  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === "https:";
      const client = secure ? https : http;
      const headers = new Headers(init.headers);
      const body = typeof init.body === "string" ? init.body : "";
      headers.set("content-length", String(Buffer.byteLength(body)));
      const request = client.request(
        target,
        {
          method: init.method ?? "POST",
          headers: Object.fromEntries(headers),
          agent: secure ? agents["https:"] : agents["http:"],
          lookup,
          ...(init.signal ? { signal: init.signal } : {}),
        },
        (incoming) => {
          try {
            resolve(toResponse(incoming));
          } catch (error) {
            incoming.destroy();
            reject(error);
          }
        },
      );
      request.on("error", reject);
      request.end(body);
    });
}
