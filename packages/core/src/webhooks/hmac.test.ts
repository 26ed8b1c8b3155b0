import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";

/** A fresh copy of the module, as Node loads it or as a browser or edge runtime does. */
async function importHmac(runtime: "node" | "web") {
  vi.resetModules();
  if (runtime === "node") return (await import("./hmac")).hmac;
  const spy = vi.spyOn(process, "getBuiltinModule").mockReturnValue(undefined as never);
  try {
    return (await import("./hmac")).hmac;
  } finally {
    spy.mockRestore();
  }
}

const key = new TextEncoder().encode("a key of some bytes");
const prefix = "msg_1.1700000000.";
const body = '{"text":"héllo wörld ✓"}';
const expected = createHmac("sha256", key)
  .update(prefix + body)
  .digest();

const hex = async (digest: Uint8Array | Promise<Uint8Array>) =>
  Buffer.from(await digest).toString("hex");

afterEach(() => {
  vi.restoreAllMocks();
});

describe("hmac", () => {
  it("uses node:crypto on Node, synchronously and without touching Web Crypto", async () => {
    const sign = vi.spyOn(crypto.subtle, "sign");
    const hmac = await importHmac("node");
    expect(hmac.base64(key, prefix, body)).toBe(expected.toString("base64"));
    expect(await hex(hmac.digest(key, prefix, body))).toBe(expected.toString("hex"));
    expect(sign).not.toHaveBeenCalled();
  });

  it("falls back to Web Crypto where node:crypto is absent, with the same results", async () => {
    const sign = vi.spyOn(crypto.subtle, "sign");
    const hmac = await importHmac("web");
    await expect(hmac.base64(key, prefix, body)).resolves.toBe(expected.toString("base64"));
    expect(await hex(hmac.digest(key, prefix, body))).toBe(expected.toString("hex"));
    expect(sign).toHaveBeenCalledTimes(2);
  });

  it("on Web Crypto, imports each key once", async () => {
    const importKey = vi.spyOn(crypto.subtle, "importKey");
    const hmac = await importHmac("web");
    await hmac.digest(key, prefix, body);
    await hmac.digest(key, "other.", body);
    expect(importKey).toHaveBeenCalledTimes(1);
  });

  it.each(["node", "web"] as const)(
    "on %s, hashes a byte body like its string",
    async (runtime) => {
      const hmac = await importHmac(runtime);
      const bytes = new TextEncoder().encode(body);
      expect(await hex(hmac.digest(key, prefix, bytes))).toBe(expected.toString("hex"));
    },
  );

  it("tells ready values from promises", async () => {
    const { ready } = await import("./hmac");
    expect(ready(["a", "b"])).toBe(true);
    expect(ready(["a", Promise.resolve("b")])).toBe(false);
  });
});
