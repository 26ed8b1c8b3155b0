import { describe, expect, it, vi } from "vitest";
import { keyCache } from "./key-cache";

describe("keyCache", () => {
  it("derives each key once and drops the oldest beyond its limit", () => {
    const derive = vi.fn((secret: string) => new TextEncoder().encode(secret));
    const key = keyCache(derive, 2);
    const a = key("a");
    expect(key("a")).toBe(a);
    key("b");
    key("c");
    expect(derive).toHaveBeenCalledTimes(3);
    expect(key("a")).not.toBe(a);
    expect(derive).toHaveBeenCalledTimes(4);
  });
});
