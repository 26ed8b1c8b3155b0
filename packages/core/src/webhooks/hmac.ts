import { toBase64 } from "./bytes";

type Key = Uint8Array<ArrayBuffer>;
type Body = string | Uint8Array;

/**
 * HMAC-SHA256 of `prefix` followed by `body` (strings as UTF-8). On Node the synchronous
 * createHmac is 2–8× faster than Web Crypto for webhook-sized messages, so it is used whenever
 * the runtime has it; everything else (browsers, edge runtimes) gets Web Crypto, which is async.
 */
export interface Hmac {
  digest(key: Key, prefix: string, body: Body): Uint8Array | Promise<Uint8Array>;
  /** Native on Node, where encoding the digest in JS would cost a quarter of a 1 KiB signature. */
  base64(key: Key, prefix: string, body: Body): string | Promise<string>;
}

/** The slice of node:crypto used here, declared locally: core compiles without @types/node. */
interface NodeCrypto {
  createHmac(algorithm: "sha256", key: Uint8Array): NodeHmac;
}

interface NodeHmac {
  update(data: string | Uint8Array): NodeHmac;
  digest(): Uint8Array;
  digest(encoding: "base64"): string;
}

/**
 * `process.getBuiltinModule` (Node ≥ 20.16, and runtimes that follow Node) reaches node:crypto
 * without an import statement, so bundlers and browsers never see a Node built-in.
 */
function loadNodeCrypto(): NodeCrypto | undefined {
  const { process } = globalThis as { process?: { getBuiltinModule?(id: string): unknown } };
  const module = process?.getBuiltinModule?.("node:crypto") as Partial<NodeCrypto> | undefined;
  return typeof module?.createHmac === "function" ? (module as NodeCrypto) : undefined;
}

function nodeHmac(node: NodeCrypto): Hmac {
  // One update with the joined text is cheaper than two native calls for webhook-sized bodies.
  const start = (key: Key, prefix: string, body: Body) =>
    typeof body === "string"
      ? node.createHmac("sha256", key).update(prefix + body)
      : node.createHmac("sha256", key).update(prefix).update(body);
  return {
    digest: (key, prefix, body) => start(key, prefix, body).digest(),
    base64: (key, prefix, body) => start(key, prefix, body).digest("base64"),
  };
}

function webHmac(): Hmac {
  const encoder = new TextEncoder();
  // Keyed by the cached key bytes (see key-cache): a key dropped there is collected here too.
  const imported = new WeakMap<Key, Promise<CryptoKey>>();

  function importKey(key: Key): Promise<CryptoKey> {
    let cryptoKey = imported.get(key);
    if (cryptoKey === undefined) {
      const algorithm = { name: "HMAC", hash: "SHA-256" };
      cryptoKey = crypto.subtle.importKey("raw", key, algorithm, false, ["sign"]);
      imported.set(key, cryptoKey);
    }
    return cryptoKey;
  }

  function message(prefix: string, body: Body): Uint8Array<ArrayBuffer> {
    if (typeof body === "string") return encoder.encode(prefix + body);
    const head = encoder.encode(prefix);
    const joined = new Uint8Array(head.length + body.length);
    joined.set(head);
    joined.set(body, head.length);
    return joined;
  }

  async function digest(key: Key, prefix: string, body: Body): Promise<Uint8Array> {
    const signature = await crypto.subtle.sign("HMAC", await importKey(key), message(prefix, body));
    return new Uint8Array(signature);
  }

  return { digest, base64: async (key, prefix, body) => toBase64(await digest(key, prefix, body)) };
}

/**
 * Whether none of the values is a promise. On Node none is, and awaiting them anyway would cost
 * about 5% of signing 1 KiB.
 */
export function ready<T>(values: T[]): values is Awaited<T>[] {
  return !values.some((value) => value instanceof Promise);
}

const nodeCrypto = loadNodeCrypto();

export const hmac: Hmac = nodeCrypto ? nodeHmac(nodeCrypto) : webHmac();
