import { crc32 as nodeCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32 } from "./crc32";

const encode = (text: string) => new TextEncoder().encode(text);

describe("crc32", () => {
  it("matches the standard check values", () => {
    expect(crc32(encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(encode(""))).toBe(0);
    expect(crc32(encode("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
  });

  it("returns an unsigned 32-bit number", () => {
    expect(crc32(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toBe(0xffffffff);
  });

  it("agrees with node:zlib on random input", () => {
    for (let i = 0; i < 500; i++) {
      const bytes = crypto.getRandomValues(new Uint8Array(i));
      expect(crc32(bytes)).toBe(nodeCrc32(bytes));
    }
  });
});
