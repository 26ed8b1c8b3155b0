import { describe, expect, it } from "vitest";
import { fromBase64, fromHex, timingSafeEqual, toBase64 } from "./bytes";

describe("byte helpers", () => {
  it("round-trip base64 of every byte value", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64("not base64!")).toBeUndefined();
  });

  it("decode hex in either case and refuse anything else", () => {
    expect(fromHex("00ff7Fa0")).toEqual(new Uint8Array([0, 255, 127, 160]));
    for (const text of ["", "0", "0g", "0x00", " 00"]) expect(fromHex(text)).toBeUndefined();
  });

  it("compare bytes for equality, unequal lengths never equal", () => {
    const a = new Uint8Array([1, 2, 3]);
    expect(timingSafeEqual(a, new Uint8Array([1, 2, 3]))).toBe(true);
    expect(timingSafeEqual(a, new Uint8Array([1, 2, 4]))).toBe(false);
    expect(timingSafeEqual(a, new Uint8Array([1, 2]))).toBe(false);
    expect(timingSafeEqual(new Uint8Array(), new Uint8Array())).toBe(true);
  });
});
