import { apiKeyLookupHash } from "@plugboard/core";

interface NodeCrypto {
  createHash(algorithm: "sha256"): { update(data: string): { digest(encoding: "hex"): string } };
}

/**
 * `process.getBuiltinModule` reaches node:crypto without an import, so this module still loads
 * in browsers (msw) and edge runtimes, which fall back to Web Crypto.
 */
function loadNodeCrypto(): NodeCrypto | undefined {
  const { process } = globalThis as { process?: { getBuiltinModule?(id: string): unknown } };
  const module = process?.getBuiltinModule?.("node:crypto") as Partial<NodeCrypto> | undefined;
  return typeof module?.createHash === "function" ? (module as NodeCrypto) : undefined;
}

const nodeCrypto = loadNodeCrypto();

/**
 * The same hex SHA-256 as core's `apiKeyLookupHash`, synchronously where Node's hash is there:
 * Web Crypto's digest is async and about 50 times slower per key, which would cap verification
 * far below what one index lookup allows.
 */
export const lookupHash: (key: string) => string | Promise<string> = nodeCrypto
  ? (key) => nodeCrypto.createHash("sha256").update(key).digest("hex")
  : apiKeyLookupHash;
