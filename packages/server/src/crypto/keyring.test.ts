import { describe, expect, it } from "vitest";
import { fromBase64, toBase64 } from "./encoding";
import { createKeyring, generateEncryptionKey } from "./keyring";

const k1 = generateEncryptionKey();
const k2 = generateEncryptionKey();
const plaintext = JSON.stringify({
  webhookUrl: "https://api.pumble.com/workspaces/w1/incomingWebhooks/postMessage/tOkEn",
  note: "ünïcödé ✓ 🔑",
});

/** Flips one bit of the sealed part (ciphertext + tag) of a Plugboard ciphertext. */
function tamper(ciphertext: string, byteIndex = 0): string {
  const [version, keyId, iv, sealed] = ciphertext.split(".");
  const bytes = fromBase64(sealed ?? "");
  const index = byteIndex < 0 ? bytes.length + byteIndex : byteIndex;
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return [version, keyId, iv, toBase64(bytes)].join(".");
}

describe("generateEncryptionKey", () => {
  it("makes 32 random bytes in base64, different every time", () => {
    const a = generateEncryptionKey();
    const b = generateEncryptionKey();
    expect(fromBase64(a)).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});

describe("createKeyring", () => {
  it("decrypts what it encrypted, with the same context", async () => {
    const keyring = createKeyring({ currentKeyId: "k1", keys: { k1 } });
    const sealed = await keyring.encrypt(plaintext, "ins_1");
    expect(await keyring.decrypt(sealed, "ins_1")).toBe(plaintext);
  });

  it("round-trips the empty string", async () => {
    const keyring = createKeyring({ currentKeyId: "k1", keys: { k1 } });
    expect(await keyring.decrypt(await keyring.encrypt("", "ctx"), "ctx")).toBe("");
  });

  it("decrypts with a second keyring built from the same key", async () => {
    const sealed = await createKeyring({ currentKeyId: "k1", keys: { k1 } }).encrypt(
      plaintext,
      "ins_1",
    );
    const restarted = createKeyring({ currentKeyId: "k1", keys: { k1 } });
    expect(await restarted.decrypt(sealed, "ins_1")).toBe(plaintext);
  });

  it("produces a different ciphertext every time (random IV)", async () => {
    const keyring = createKeyring({ currentKeyId: "k1", keys: { k1 } });
    const sealed = await Promise.all(
      Array.from({ length: 20 }, () => keyring.encrypt(plaintext, "ins_1")),
    );
    expect(new Set(sealed).size).toBe(sealed.length);
    expect(new Set(sealed.map((value) => value.split(".")[2])).size).toBe(sealed.length);
  });

  it("does not reveal the plaintext, or any part of it, in the ciphertext", async () => {
    const keyring = createKeyring({ currentKeyId: "k1", keys: { k1 } });
    const sealed = await keyring.encrypt(plaintext, "ins_1");
    expect(sealed).not.toContain("tOkEn");
    expect(sealed).not.toContain("pumble");
    expect(sealed).not.toContain(toBase64(new TextEncoder().encode(plaintext)).slice(0, 16));
    expect(sealed.startsWith("v1.k1.")).toBe(true);
  });

  it("fails to decrypt under another context (a ciphertext copied onto another row)", async () => {
    const keyring = createKeyring({ currentKeyId: "k1", keys: { k1 } });
    const sealed = await keyring.encrypt(plaintext, "ins_1");
    await expect(keyring.decrypt(sealed, "ins_2")).rejects.toThrow();
    await expect(keyring.decrypt(sealed, "")).rejects.toThrow();
  });

  it.each([
    ["the first byte", 0],
    ["the authentication tag", -1],
  ])("fails to decrypt a ciphertext with a flipped bit in %s", async (_label, index) => {
    const keyring = createKeyring({ currentKeyId: "k1", keys: { k1 } });
    const sealed = await keyring.encrypt(plaintext, "ins_1");
    await expect(keyring.decrypt(tamper(sealed, index), "ins_1")).rejects.toThrow();
  });

  it("fails to decrypt a ciphertext whose IV was changed", async () => {
    const keyring = createKeyring({ currentKeyId: "k1", keys: { k1 } });
    const [version, keyId, , sealed] = (await keyring.encrypt(plaintext, "ins_1")).split(".");
    const otherIv = toBase64(crypto.getRandomValues(new Uint8Array(12)));
    await expect(
      keyring.decrypt([version, keyId, otherIv, sealed].join("."), "ins_1"),
    ).rejects.toThrow();
  });

  it("fails to decrypt under a different key with the same id", async () => {
    const sealed = await createKeyring({ currentKeyId: "k1", keys: { k1 } }).encrypt(
      plaintext,
      "ins_1",
    );
    const impostor = createKeyring({ currentKeyId: "k1", keys: { k1: k2 } });
    await expect(impostor.decrypt(sealed, "ins_1")).rejects.toThrow();
  });

  it.each(["", "not a ciphertext", "v2.k1.aXY=.c2VhbGVk", "v1.k1.aXY="])(
    "rejects %j as not a Plugboard ciphertext",
    async (value) => {
      const keyring = createKeyring({ currentKeyId: "k1", keys: { k1 } });
      await expect(keyring.decrypt(value, "ins_1")).rejects.toThrow();
    },
  );

  describe("rotation", () => {
    it("still decrypts old values after a new current key is added, and flags them", async () => {
      const before = createKeyring({ currentKeyId: "k1", keys: { k1 } });
      const old = await before.encrypt(plaintext, "ins_1");
      expect(before.needsReencryption(old)).toBe(false);

      const after = createKeyring({ currentKeyId: "k2", keys: { k1, k2 } });
      expect(await after.decrypt(old, "ins_1")).toBe(plaintext);
      expect(after.needsReencryption(old)).toBe(true);

      const fresh = await after.encrypt(plaintext, "ins_1");
      expect(fresh.startsWith("v1.k2.")).toBe(true);
      expect(after.needsReencryption(fresh)).toBe(false);
      expect(await after.decrypt(fresh, "ins_1")).toBe(plaintext);
    });

    it("rejects a value sealed under a key that was removed from the keyring", async () => {
      const old = await createKeyring({ currentKeyId: "k1", keys: { k1 } }).encrypt(
        plaintext,
        "ins_1",
      );
      const retired = createKeyring({ currentKeyId: "k2", keys: { k2 } });
      await expect(retired.decrypt(old, "ins_1")).rejects.toThrow(/k1/);
      expect(retired.needsReencryption(old)).toBe(true);
    });
  });

  describe("refuses a bad configuration at creation", () => {
    it("throws when the current key is not in the keyring", () => {
      expect(() => createKeyring({ currentKeyId: "k2", keys: { k1 } })).toThrow(/k2/);
      expect(() => createKeyring({ currentKeyId: "k1", keys: {} })).toThrow();
    });

    it("throws on a 16-byte (AES-128) key", () => {
      const short = toBase64(crypto.getRandomValues(new Uint8Array(16)));
      expect(() => createKeyring({ currentKeyId: "k1", keys: { k1: short } })).toThrow(/32 bytes/);
    });

    it("throws on a 64-byte key, even when it is not the current one", () => {
      const long = toBase64(crypto.getRandomValues(new Uint8Array(64)));
      expect(() => createKeyring({ currentKeyId: "k1", keys: { k1, old: long } })).toThrow(
        /32 bytes/,
      );
    });

    it("throws on a key that is not base64", () => {
      expect(() => createKeyring({ currentKeyId: "k1", keys: { k1: "not base64!!" } })).toThrow();
    });

    it("throws on a key id that would break the ciphertext format", () => {
      expect(() => createKeyring({ currentKeyId: "k.1", keys: { "k.1": k1 } })).toThrow();
    });
  });
});
