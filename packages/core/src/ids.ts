const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Random bytes are drawn 4 KiB at a time and each used once: one getRandomValues call per
// ~180 ids instead of one per id, which showed in the profile of every request that logs a row.
const pool = new Uint8Array(4096);
let used = pool.length;

/**
 * Uniform random base62 characters. Bytes >= 248 are dropped (rejection sampling) so that
 * every character is equally likely: 248 = 4 * 62, the largest multiple of 62 below 256.
 */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    if (used === pool.length) {
      crypto.getRandomValues(pool);
      used = 0;
    }
    const byte = pool[used++] as number;
    if (byte < 248) out += alphabet[byte % 62];
  }
  return out;
}

/** Ids are typed by prefix (`ins_…`, `whe_…`) so a mixed-up id is obvious in logs. 22 chars ≈ 131 bits. */
export function createId(prefix: string): string {
  return `${prefix}_${randomBase62(22)}`;
}

export const base62Alphabet = alphabet;
