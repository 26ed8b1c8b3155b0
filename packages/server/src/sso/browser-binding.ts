import { toBase64 } from "../crypto/encoding";

const cookieName = "plugboard_sso";

/**
 * Ties a started login to the browser that started it: a random cookie, its SHA-256 kept with the
 * request. A response posted from another browser (a stolen or forced one) carries no cookie or
 * another one, and is refused.
 */
export function bindingFor(request: Request): string {
  const existing = readCookie(request);
  if (existing) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const value = toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return value;
}

export function readCookie(request: Request): string | null {
  const value = cookieValue(request, cookieName);
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

export function cookieValue(request: Request, wanted: string): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === wanted) return rest.join("=");
  }
  return null;
}

/**
 * SAML posts come from the IdP's origin: on https the cookie must be `SameSite=None; Secure` to
 * ride along. On plain http (loopback demos) that is impossible, and `Lax` is sent by the
 * same-site loopback post.
 */
export function bindingCookie(value: string, origin: string, path: string, maxAgeMs: number) {
  return ssoCookie(cookieName, value, origin, path, maxAgeMs);
}

/** A cookie that rides along with the IdP's post back to us (see `bindingCookie`). */
export function ssoCookie(
  name: string,
  value: string,
  origin: string,
  path: string,
  maxAgeMs: number,
) {
  const secure = origin.startsWith("https:");
  return [
    `${name}=${value}`,
    `Path=${path}`,
    `Max-Age=${Math.ceil(maxAgeMs / 1000)}`,
    "HttpOnly",
    secure ? "SameSite=None; Secure" : "SameSite=Lax",
  ].join("; ");
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Compares two hex digests without an early exit. */
export function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
