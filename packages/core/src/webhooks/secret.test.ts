import { describe, expect, it } from "vitest";
import { generateWebhookSecret, webhookSecretKey } from "./secret";

describe("webhook secrets", () => {
  it("are `whsec_` + base64 of 32 random bytes", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it("decode to the same key bytes with or without the prefix, once per secret", () => {
    const secret = generateWebhookSecret();
    const key = webhookSecretKey(secret);
    expect(Buffer.from(key).toString("base64")).toBe(secret.slice(6));
    expect(webhookSecretKey(secret)).toBe(key);
    expect(webhookSecretKey(secret.slice(6))).toEqual(key);
  });

  it("refuse empty or non-base64 secrets", () => {
    for (const secret of ["", "whsec_", "whsec_###", "whsec_a"]) {
      expect(() => webhookSecretKey(secret)).toThrow(TypeError);
    }
  });
});
