import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

type Signatures = typeof import("./incoming-signatures");

/** A fresh copy of the module, as Node loads it or as a browser or edge runtime does. */
async function importSignatures(runtime: "node" | "web"): Promise<Signatures> {
  vi.resetModules();
  if (runtime === "node") return import("./incoming-signatures");
  const spy = vi.spyOn(process, "getBuiltinModule").mockReturnValue(undefined as never);
  try {
    return await import("./incoming-signatures");
  } finally {
    spy.mockRestore();
  }
}

/** Computed here with node:crypto directly, independently of the code under test. */
const hexHmac = (secret: string, content: string | Uint8Array) =>
  createHmac("sha256", secret).update(content).digest("hex");

// GitHub's documented example (docs.github.com, "Validating webhook deliveries").
const github = {
  secret: "It's a Secret to Everybody",
  body: "Hello, World!",
  header: "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
};

// Slack's documented example (api.slack.com, "Verifying requests from Slack").
const slack = {
  secret: "8f742231b10e8888abcd99yyyzzz85a5",
  timestamp: "1531420618",
  body: "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
  signature: "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
};

describe.each(["node", "web"] as const)("incoming signatures on %s", (runtime) => {
  let signatures: Signatures;
  beforeAll(async () => {
    signatures = await importSignatures(runtime);
  });

  describe("verifyGitHubSignature", () => {
    it("accepts GitHub's documented example", async () => {
      expect(hexHmac(github.secret, github.body)).toBe(github.header.slice(7));
      await expect(
        signatures.verifyGitHubSignature(github.secret, github.body, github.header),
      ).resolves.toBe(true);
    });

    it("verifies the raw bytes as received, string or Uint8Array", async () => {
      const body = '{"action":"opened","issue":{"title":"Ünïcödé"}}';
      const header = `sha256=${hexHmac("s3cret", body)}`;
      const { verifyGitHubSignature } = signatures;
      await expect(verifyGitHubSignature("s3cret", body, header)).resolves.toBe(true);
      const bytes = new TextEncoder().encode(body);
      await expect(verifyGitHubSignature("s3cret", bytes, header)).resolves.toBe(true);
      await expect(verifyGitHubSignature("s3cret", bytes, header.toUpperCase())).resolves.toBe(
        false,
      );
      const upperHex = `sha256=${header.slice(7).toUpperCase()}`;
      await expect(verifyGitHubSignature("s3cret", bytes, upperHex)).resolves.toBe(true);
    });

    it("rejects a tampered body, a wrong secret and absent or malformed headers", async () => {
      const { verifyGitHubSignature } = signatures;
      const verify = (secret: string, body: string, header: string | null | undefined) =>
        verifyGitHubSignature(secret, body, header);
      await expect(verify(github.secret, "Hello, World?", github.header)).resolves.toBe(false);
      await expect(verify("another secret", github.body, github.header)).resolves.toBe(false);
      for (const header of [
        null,
        undefined,
        "",
        github.header.slice(7),
        github.header.replace("sha256=", "sha1="),
        github.header.slice(0, -2),
        `${github.header.slice(0, -1)}g`,
      ]) {
        await expect(verify(github.secret, github.body, header)).resolves.toBe(false);
      }
    });

    it("throws for an empty secret rather than checking against it", async () => {
      for (const header of [github.header, null]) {
        await expect(signatures.verifyGitHubSignature("", "x", header)).rejects.toThrow(TypeError);
      }
    });
  });

  describe("verifySlackSignature", () => {
    const now = Number(slack.timestamp);

    it("accepts Slack's documented example", async () => {
      expect(`v0=${hexHmac(slack.secret, `v0:${slack.timestamp}:${slack.body}`)}`).toBe(
        slack.signature,
      );
      const { secret, body, timestamp, signature } = slack;
      await expect(
        signatures.verifySlackSignature(secret, body, timestamp, signature, { now }),
      ).resolves.toBe(true);
      const bytes = new TextEncoder().encode(body);
      await expect(
        signatures.verifySlackSignature(secret, bytes, timestamp, signature, { now }),
      ).resolves.toBe(true);
    });

    it("accepts a timestamp exactly at the tolerance, either way, and not one second beyond", async () => {
      const { secret, body, timestamp, signature } = slack;
      const verifyAt = (at: number, toleranceSeconds?: number) =>
        signatures.verifySlackSignature(secret, body, timestamp, signature, {
          now: at,
          toleranceSeconds,
        });
      await expect(verifyAt(now + 300)).resolves.toBe(true);
      await expect(verifyAt(now - 300)).resolves.toBe(true);
      await expect(verifyAt(now + 301)).resolves.toBe(false);
      await expect(verifyAt(now - 301)).resolves.toBe(false);
      await expect(verifyAt(now + 10, 10)).resolves.toBe(true);
      await expect(verifyAt(now + 11, 10)).resolves.toBe(false);
    });

    it("checks the timestamp against the clock by default", async () => {
      const { secret, body, timestamp, signature } = slack;
      await expect(
        signatures.verifySlackSignature(secret, body, timestamp, signature),
      ).resolves.toBe(false);
      const fresh = String(Math.floor(Date.now() / 1000));
      const freshSignature = `v0=${hexHmac(secret, `v0:${fresh}:${body}`)}`;
      await expect(
        signatures.verifySlackSignature(secret, body, fresh, freshSignature),
      ).resolves.toBe(true);
    });

    it("throws for an empty signing secret rather than checking against it", async () => {
      const { body, timestamp, signature } = slack;
      await expect(
        signatures.verifySlackSignature("", body, timestamp, signature, { now }),
      ).rejects.toThrow(TypeError);
    });

    it("rejects tampering and absent or malformed headers", async () => {
      const { secret, body, timestamp, signature } = slack;
      const verify = (
        parts: Partial<{
          secret: string;
          body: string;
          timestamp: string | null;
          signature: string | null;
        }>,
      ) =>
        signatures.verifySlackSignature(
          parts.secret ?? secret,
          parts.body ?? body,
          parts.timestamp === undefined ? timestamp : parts.timestamp,
          parts.signature === undefined ? signature : parts.signature,
          { now },
        );
      const rejected = [
        { body: `${body}&text=hi` },
        { secret: "another secret" },
        { timestamp: String(now + 1) },
        { timestamp: null },
        { timestamp: "1531420618.5" },
        { signature: null },
        { signature: signature.slice(3) },
        { signature: signature.replace("v0=", "v1=") },
        { signature: signature.slice(0, -1) },
      ];
      for (const parts of rejected) await expect(verify(parts)).resolves.toBe(false);
    });
  });
});
