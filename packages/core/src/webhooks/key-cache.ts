/**
 * Memoizes the bytes derived from a secret string, so each secret is decoded once and, on Web
 * Crypto, imported once (imported keys are cached by these byte arrays). Bounded, oldest entry
 * first out, so a process signing for many endpoints can't grow it without limit.
 */
export function keyCache(derive: (secret: string) => Uint8Array<ArrayBuffer>, limit = 1024) {
  const cache = new Map<string, Uint8Array<ArrayBuffer>>();
  return (secret: string): Uint8Array<ArrayBuffer> => {
    let key = cache.get(secret);
    if (key === undefined) {
      key = derive(secret);
      if (cache.size >= limit) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      cache.set(secret, key);
    }
    return key;
  };
}
