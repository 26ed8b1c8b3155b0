import type { WebhookDestination } from "@plugboard/core";
import type { Keyring } from "../crypto/keyring";

/** The keyring's AAD for an endpoint's secret URL: a ciphertext copied to another row won't open. */
export const secretUrlContext = (endpointId: string) => `webhook-endpoint-url:${endpointId}`;

/**
 * `https://api.pumble.com/…Ab12`: the origin and the last four characters, enough to tell two
 * channels apart. Chat incoming-webhook URLs are their own credential: whoever holds one posts.
 */
export function maskUrl(url: string): string {
  return `${new URL(url).origin}/…${url.slice(-4)}`;
}

/** What to store for an endpoint delivering to `url`: chat destinations' URL only encrypted. */
export async function endpointUrlFields(
  context: { keyring: Keyring },
  endpointId: string,
  url: string,
  destination: WebhookDestination,
): Promise<{ url: string; secretUrl: string | null }> {
  if (destination === "standard") return { url, secretUrl: null };
  return {
    url: maskUrl(url),
    secretUrl: await context.keyring.encrypt(url, secretUrlContext(endpointId)),
  };
}
