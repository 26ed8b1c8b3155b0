import { describe, expect, it } from "vitest";
import { createId, randomBase62 } from "./ids";

describe("randomBase62", () => {
  it("gives the asked length from the alphabet, and never the same id twice", () => {
    const ids = new Set(Array.from({ length: 5000 }, () => createId("att")));
    expect(ids.size).toBe(5000);
    for (const id of ids) expect(id).toMatch(/^att_[0-9A-Za-z]{22}$/);
    expect(randomBase62(300)).toMatch(/^[0-9A-Za-z]{300}$/);
  });

  it("uses every character about equally often", () => {
    const counts = new Map<string, number>();
    for (const char of randomBase62(62_000)) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // Expected 1,000 each; a uniform draw stays well inside ±25% (over 7 standard deviations).
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(750);
      expect(count).toBeLessThan(1250);
    }
  });
});
