const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * Uniform random base62 characters. Bytes >= 248 are dropped (rejection sampling) so that
 * every character is equally likely: 248 = 4 * 62, the largest multiple of 62 below 256.
 */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte < 248) out += alphabet[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** Ids are typed by prefix (`ins_…`, `whe_…`) so a mixed-up id is obvious in logs. 22 chars ≈ 131 bits. */
export function createId(prefix: string): string {
  return `${prefix}_${randomBase62(22)}`;
}

export const base62Alphabet = alphabet;
