import { z } from "zod";
import { parseOptions } from "../options/parse-options";
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

const keyIdPattern = /^[A-Za-z0-9_-]+$/;

function isKeyMaterial(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    return fromBase64(value).length === 32;
  } catch {
    return false; // atob's DOMException: not base64 at all
  }
}

/** What `encryption` must hold; every message names the option and how to fix it. */
export const keyringOptionsSchema = z
  .object(
    {
      currentKeyId: z.string({
        error: 'must be the id of one of encryption.keys, e.g. "k1"',
      }),
      keys: z.record(
        z.string(),
        z.custom<string>(isKeyMaterial, {
          error: (issue) =>
            issue.input === undefined
              ? "is undefined (an unset environment variable?) — set it to a key from generateEncryptionKey()"
              : "is not 32 bytes of base64 — generate one with generateEncryptionKey()",
        }),
        {
          error: (issue) =>
            issue.code === "invalid_type"
              ? "must map key ids to keys, e.g. { k1: generateEncryptionKey() }"
              : undefined,
        },
      ),
    },
    {
      error:
        'is missing — pass { currentKeyId: "k1", keys: { k1: <a key from generateEncryptionKey()> } }',
    },
  )
  .superRefine((options, context) => {
    const ids = Object.keys(options.keys);
    for (const id of ids.filter((candidate) => !keyIdPattern.test(candidate))) {
      context.addIssue({
        code: "custom",
        path: ["keys", id],
        message: "has an id that is not only letters, digits, _ or - (e.g. k1, 2026-11)",
      });
    }
    if (ids.length === 0) {
      context.addIssue({
        code: "custom",
        path: ["keys"],
        message: "is empty — add a key from generateEncryptionKey()",
      });
    } else if (!Object.hasOwn(options.keys, options.currentKeyId)) {
      context.addIssue({
        code: "custom",
        path: ["currentKeyId"],
        message: `"${options.currentKeyId}" is not one of encryption.keys (${ids.join(", ")}) — add that key or name an existing one`,
      });
    }
  });

export function createKeyring(options: KeyringOptions): Keyring {
  parseOptions(keyringOptionsSchema, options, "encryption");
  const imported = new Map<string, Promise<CryptoKey>>();
  for (const [id, material] of Object.entries(options.keys)) {
    imported.set(
      id,
      crypto.subtle.importKey("raw", fromBase64(material), "AES-GCM", false, [
        "encrypt",
        "decrypt",
      ]),
    );
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
