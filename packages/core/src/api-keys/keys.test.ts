import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { base62Alphabet } from "../ids";
import { apiKeyLookupHash, apiKeyPattern, generateApiKey, parseApiKey } from "./keys";

const keyShape = /^sk_(live|test)_[0-9A-Za-z]{30}$/;

function replaceAt(text: string, index: number, char: string): string {
  return text.slice(0, index) + char + text.slice(index + 1);
}

function swapAt(text: string, index: number): string {
  return text.slice(0, index) + text.charAt(index + 1) + text.charAt(index) + text.slice(index + 2);
}

describe("generateApiKey", () => {
  it("makes keys that parse", () => {
    for (const env of ["live", "test"] as const) {
      const { key, displayPrefix } = generateApiKey({ env });
      expect(key).toMatch(keyShape);
      expect(key.startsWith(`sk_${env}_`)).toBe(true);
      expect(displayPrefix).toBe(key.slice(0, `sk_${env}_`.length + 4));
      expect(parseApiKey(key)).toEqual({ ok: true, prefix: "sk", env, displayPrefix });
    }
  });

  it("carries at least 128 bits: 24 base62 characters, all distinct across 10k keys", () => {
    expect(24 * Math.log2(62)).toBeGreaterThanOrEqual(128);
    const keys = new Set<string>();
    const randomParts = new Set<string>();
    const misshapen: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const { key } = generateApiKey({ env: "live" });
      const random = key.slice("sk_live_".length, -6);
      // One assertion at the end: 20k expect() calls would dominate the run time.
      if (key.length !== "sk_live_".length + 24 + 6 || !/^[0-9A-Za-z]{24}$/.test(random))
        misshapen.push(key);
      keys.add(key);
      randomParts.add(random);
    }
    expect(misshapen).toEqual([]);
    expect(keys.size).toBe(10_000);
    expect(randomParts.size).toBe(10_000);
  });

  it("draws the random part uniformly from the 62 symbols (chi-square)", () => {
    const counts = new Map<string, number>();
    let total = 0;
    for (let i = 0; i < 20_000; i++) {
      for (const char of generateApiKey({ env: "test" }).key.slice("sk_test_".length, -6)) {
        counts.set(char, (counts.get(char) ?? 0) + 1);
        total++;
      }
    }
    expect([...counts.keys()].sort().join("")).toBe([...base62Alphabet].sort().join(""));
    const expected = total / 62;
    let chiSquare = 0;
    for (const count of counts.values()) chiSquare += (count - expected) ** 2 / expected;
    // 61 degrees of freedom: mean 61, sd ≈ 11; 130 is a false alarm about once in a million runs.
    // The modulo bias that rejection sampling avoids (8 symbols 25% likelier) would score thousands.
    expect(chiSquare).toBeLessThan(130);
  });

  it("uses a custom prefix", () => {
    const { key, displayPrefix } = generateApiKey({ env: "live", prefix: "casc" });
    expect(key).toMatch(/^casc_live_[0-9A-Za-z]{30}$/);
    expect(displayPrefix).toMatch(/^casc_live_[0-9A-Za-z]{4}$/);
    expect(parseApiKey(key, { prefix: "casc" })).toEqual({
      ok: true,
      prefix: "casc",
      env: "live",
      displayPrefix,
    });
  });

  it("refuses invalid prefixes and environments", () => {
    for (const prefix of ["", "s", "SK", "p_b", "pb-x", "abcdefghijk", "pé"]) {
      expect(() => generateApiKey({ env: "live", prefix })).toThrow(TypeError);
      expect(() => parseApiKey("sk_live_x", { prefix })).toThrow(TypeError);
      expect(() => apiKeyPattern(prefix)).toThrow(TypeError);
    }
    expect(() => generateApiKey({ env: "prod" as "live" })).toThrow(TypeError);
  });
});

describe("parseApiKey", () => {
  const keys = Array.from({ length: 20 }, (_, i) =>
    generateApiKey({ env: i % 2 ? "live" : "test" }),
  ).map(({ key }) => key);

  it("rejects every single-character substitution after the env as bad_checksum", () => {
    const accepted: string[] = [];
    let tried = 0;
    for (const key of keys) {
      for (let index = "sk_live_".length; index < key.length; index++) {
        for (const char of base62Alphabet) {
          if (char === key.charAt(index)) continue;
          const mistyped = replaceAt(key, index, char);
          const parsed = parseApiKey(mistyped);
          tried++;
          if (parsed.ok || parsed.reason !== "bad_checksum") accepted.push(mistyped);
        }
      }
    }
    expect(tried).toBe(20 * 30 * 61);
    expect(accepted).toEqual([]);
  });

  it("rejects every transposition of adjacent distinct characters", () => {
    for (const key of keys) {
      for (let index = 0; index < key.length - 1; index++) {
        if (key.charAt(index) === key.charAt(index + 1)) continue;
        const result = parseApiKey(swapAt(key, index));
        expect(result.ok).toBe(false);
        if (index >= "sk_live_".length)
          expect(result).toEqual({ ok: false, reason: "bad_checksum" });
      }
    }
  });

  it("calls keys of the wrong prefix, env, length or alphabet malformed", () => {
    const key = keys[0] as string;
    const tail = key.slice("sk_test_".length);
    const malformed = [
      "",
      "sk_",
      `pk_test_${tail}`,
      `SK_test_${tail}`,
      `sk_prod_${tail}`,
      `sk_Test_${tail}`,
      `sk_test${tail}`,
      `sk__test_${tail}`,
      key.slice(0, -1),
      `${key}0`,
      ` ${key}`,
      `${key}\n`,
      `Bearer ${key}`,
      replaceAt(key, 10, "-"),
      replaceAt(key, 10, "_"),
      replaceAt(key, 10, "+"),
      replaceAt(key, 10, "/"),
      replaceAt(key, 10, "é"),
      replaceAt(key, key.length - 1, "="),
    ];
    for (const text of malformed) {
      expect(parseApiKey(text), JSON.stringify(text)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("calls a valid key of another prefix malformed", () => {
    const pb = generateApiKey({ env: "live", prefix: "pb" }).key;
    const sk = generateApiKey({ env: "live" }).key;
    expect(parseApiKey(pb)).toEqual({ ok: false, reason: "malformed" });
    expect(parseApiKey(sk, { prefix: "pb" })).toEqual({ ok: false, reason: "malformed" });
    expect(parseApiKey(pb, { prefix: "pbx" })).toEqual({ ok: false, reason: "malformed" });
    expect(parseApiKey(pb, { prefix: "pb" }).ok).toBe(true);
  });

  it("checksums the prefix and env too", () => {
    const key = generateApiKey({ env: "live" }).key;
    expect(parseApiKey(key.replace("sk_live_", "sk_test_"))).toEqual({
      ok: false,
      reason: "bad_checksum",
    });
    const pb = generateApiKey({ env: "live", prefix: "pb" }).key;
    expect(parseApiKey(pb.replace("pb_", "sk_"))).toEqual({ ok: false, reason: "bad_checksum" });
  });
});

describe("apiKeyPattern", () => {
  it("finds keys inside text", () => {
    const live = generateApiKey({ env: "live" }).key;
    const test = generateApiKey({ env: "test" }).key;
    const text = `export API_KEY=${live}\n{"token":"${test}"} Authorization: Bearer ${live}.`;
    expect([...text.matchAll(apiKeyPattern())].map((match) => match[0])).toEqual([
      live,
      test,
      live,
    ]);
  });

  it("skips lookalikes and other prefixes", () => {
    const key = generateApiKey({ env: "live" }).key;
    const pb = generateApiKey({ env: "test", prefix: "pb" }).key;
    const text = `x${key} ${key}x ${key.slice(0, -1)} ${pb} sk_prod_${key.slice(8)}`;
    expect(text.match(apiKeyPattern())).toBeNull();
    expect(text.match(apiKeyPattern("pb"))).toEqual([pb]);
  });

  it("returns a fresh RegExp each call", () => {
    const key = generateApiKey({ env: "live" }).key;
    const first = apiKeyPattern();
    expect(first.test(key)).toBe(true);
    expect(apiKeyPattern().test(key)).toBe(true);
  });
});

describe("apiKeyLookupHash", () => {
  it("is the hex SHA-256 of the key", async () => {
    const { key } = generateApiKey({ env: "live" });
    const hash = await apiKeyLookupHash(key);
    expect(hash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await apiKeyLookupHash("")).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });
});
