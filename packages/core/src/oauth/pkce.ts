import { toBase64 } from "../webhooks/bytes";

/**
 * The S256 code challenge for a PKCE verifier (RFC 7636 §4.2): base64url of its SHA-256,
 * unpadded. What an authorization server (a simulator, a fake provider) checks a token request's
 * `code_verifier` against.
 */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return toBase64(new Uint8Array(digest))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}
