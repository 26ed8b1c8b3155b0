import { fromBase64, toBase64 } from "./encoding";

/**
 * Keys for encrypting recoverable secrets at rest (OAuth tokens, webhook signing secrets,
 * incoming-webhook URLs). Each key is 32 random bytes in base64. To rotate: add a new key,
 * make it current, and keep the old one until every row has been re-encrypted.
 */
export interface KeyringOptions {
  currentKeyId: string;
  keys: Record<string, string>;
}

export interface Keyring {
  /**
   * AES-256-GCM under the current key. `context` (a row id, say) is bound as additional
   * authenticated data, so a ciphertext copied onto another row fails to decrypt.
   */
  encrypt(plaintext: string, context: string): Promise<string>;
  decrypt(ciphertext: string, context: string): Promise<string>;
  /** Whether the value was sealed under a key other than the current one. */
  needsReencryption(ciphertext: string): boolean;
}

const version = "v1";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** 32 random bytes in base64, for `KeyringOptions.keys`. */
export function generateEncryptionKey(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

export function createKeyring(options: KeyringOptions): Keyring {
  const keyIdPattern = /^[A-Za-z0-9_-]+$/;
  const imported = new Map<string, Promise<CryptoKey>>();
  for (const [id, material] of Object.entries(options.keys)) {
    if (!keyIdPattern.test(id))
      throw new Error(`Encryption key id "${id}" must match ${keyIdPattern}`);
    const bytes = fromBase64(material);
    if (bytes.length !== 32) throw new Error(`Encryption key "${id}" must be 32 bytes of base64`);
    imported.set(
      id,
      crypto.subtle.importKey("raw", bytes, "AES-GCM", false, ["encrypt", "decrypt"]),
    );
  }
  if (!imported.has(options.currentKeyId)) {
    throw new Error(`The current encryption key "${options.currentKeyId}" is not in the keyring`);
  }

  const keyFor = (id: string): Promise<CryptoKey> => {
    const key = imported.get(id);
    if (!key) throw new Error(`Encryption key "${id}" is not in the keyring`);
    return key;
  };

  return {
    async encrypt(plaintext, context) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt(
        { name: "AES-GCM", iv, additionalData: encoder.encode(context) },
        await keyFor(options.currentKeyId),
        encoder.encode(plaintext),
      );
      return [version, options.currentKeyId, toBase64(iv), toBase64(new Uint8Array(sealed))].join(
        ".",
      );
    },
    async decrypt(ciphertext, context) {
      const [v, keyId, iv, sealed] = ciphertext.split(".");
      if (v !== version || !keyId || !iv || !sealed) throw new Error("Not a Plugboard ciphertext");
      const plain = await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: fromBase64(iv), additionalData: encoder.encode(context) },
        await keyFor(keyId),
        fromBase64(sealed),
      );
      return decoder.decode(plain);
    },
    needsReencryption(ciphertext) {
      return ciphertext.split(".")[1] !== options.currentKeyId;
    },
  };
}
