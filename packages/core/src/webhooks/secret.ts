import { fromBase64, toBase64 } from "./bytes";
import { keyCache } from "./key-cache";

const prefix = "whsec_";

/** A Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes (the spec allows 24–64). */
export function generateWebhookSecret(): string {
  return prefix + toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * The key bytes of a secret: the base64 after `whsec_`. The prefix is optional, as in the spec's
 * libraries. A secret that doesn't decode is a configuration mistake, not a bad request, so it
 * throws a TypeError rather than failing verification.
 */
export const webhookSecretKey = keyCache((secret) => {
  const key = fromBase64(secret.startsWith(prefix) ? secret.slice(prefix.length) : secret);
  if (key === undefined || key.length === 0) {
    throw new TypeError("A webhook secret must be `whsec_` followed by non-empty base64");
  }
  return key;
});
