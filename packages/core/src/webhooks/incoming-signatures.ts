import { fromHex, timingSafeEqual } from "./bytes";
import { hmac } from "./hmac";
import { keyCache } from "./key-cache";

// GitHub and Slack key their HMACs with the secret's characters, not a decoding of them. An
// empty secret is a configuration mistake: it throws, whatever the request, rather than failing.
const utf8Key = keyCache((secret) => {
  if (secret === "") throw new TypeError("A signing secret must not be empty");
  return new TextEncoder().encode(secret);
});

async function matches(
  key: Uint8Array<ArrayBuffer>,
  prefix: string,
  rawBody: string | Uint8Array,
  hexSignature: string,
): Promise<boolean> {
  const signature = fromHex(hexSignature);
  if (signature === undefined) return false;
  return timingSafeEqual(await hmac.digest(key, prefix, rawBody), signature);
}

/**
 * GitHub's `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`. Pass the body exactly
 * as received. False for an absent or malformed header.
 */
export async function verifyGitHubSignature(
  secret: string,
  rawBody: string | Uint8Array,
  header: string | null | undefined,
): Promise<boolean> {
  const key = utf8Key(secret);
  if (!header?.startsWith("sha256=")) return false;
  return matches(key, "", rawBody, header.slice("sha256=".length));
}

export interface VerifySlackSignatureOptions {
  /** How far `X-Slack-Request-Timestamp` may be from `now`, either way. Default 300. */
  toleranceSeconds?: number;
  /** Unix seconds; defaults to the clock. */
  now?: number;
}

/**
 * Slack's `X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:{timestamp}:{raw body}">`, where the
 * timestamp is `X-Slack-Request-Timestamp`. False when either header is absent or malformed, or
 * the timestamp is outside the tolerance (a replay).
 */
export async function verifySlackSignature(
  signingSecret: string,
  rawBody: string | Uint8Array,
  timestamp: string | null | undefined,
  signature: string | null | undefined,
  options: VerifySlackSignatureOptions = {},
): Promise<boolean> {
  const key = utf8Key(signingSecret);
  if (!timestamp || !/^\d+$/.test(timestamp) || !signature?.startsWith("v0=")) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > (options.toleranceSeconds ?? 300)) return false;
  return matches(key, `v0:${timestamp}:`, rawBody, signature.slice("v0=".length));
}
