import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { beforeAll, describe, expect, it, vi } from "vitest";

type Webhooks = typeof import("./index");

/** A fresh copy of the module, as Node loads it or as a browser or edge runtime does. */
async function importWebhooks(runtime: "node" | "web"): Promise<Webhooks> {
  vi.resetModules();
  if (runtime === "node") return import("./index");
  const spy = vi.spyOn(process, "getBuiltinModule").mockReturnValue(undefined as never);
  try {
    return await import("./index");
  } finally {
    spy.mockRestore();
  }
}

const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const otherSecret = "whsec_c2VjcmV0LW9mLWEtcm90YXRlZC1lbmRwb2ludA==";
const id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
const timestamp = 1674087231;
const payload = {
  type: "issue.created",
  timestamp: "2022-11-03T20:26:10.344522Z",
  data: { id: "iss_1", title: "Ünïcödé ✓" },
};
const body = JSON.stringify(payload);

function headersFor(signature: string, overrides: Record<string, string> = {}) {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signature,
    ...overrides,
  };
}

/** Computed here with node:crypto directly, independently of the code under test. */
function referenceSignature(key: string, message: { id: string; body: string | Uint8Array }) {
  const bytes = Buffer.from(key.replace(/^whsec_/, ""), "base64");
  const hmac = createHmac("sha256", bytes).update(`${message.id}.${timestamp}.`);
  return `v1,${hmac.update(message.body).digest("base64")}`;
}

describe.each(["node", "web"] as const)("Standard Webhooks on %s", (runtime) => {
  let webhooks: Webhooks;
  beforeAll(async () => {
    webhooks = await importWebhooks(runtime);
  });

  const at = { now: timestamp };
  const refused = (code: string) => ({ name: "WebhookVerificationError", code });

  it(`computes HMACs with ${runtime === "node" ? "node:crypto" : "Web Crypto"}`, async () => {
    const sign = vi.spyOn(crypto.subtle, "sign");
    await webhooks.signWebhook(secret, { id, timestamp, body });
    expect(sign).toHaveBeenCalledTimes(runtime === "web" ? 1 : 0);
    sign.mockRestore();
  });

  describe("signWebhook", () => {
    it("signs `id.timestamp.body` with the decoded secret", async () => {
      const signature = await webhooks.signWebhook(secret, { id, timestamp, body });
      expect(signature).toBe(referenceSignature(secret, { id, body }));
    });

    it("matches the Standard Webhooks libraries' published test vector, prefix or not", async () => {
      const vector = { id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1614265330 };
      const message = { ...vector, body: '{"test": 2432232314}' };
      const expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
      expect(await webhooks.signWebhook(secret, message)).toBe(expected);
      expect(await webhooks.signWebhook(secret.slice("whsec_".length), message)).toBe(expected);
    });

    it("signs with every secret during a rotation, space separated, in order", async () => {
      const header = await webhooks.signWebhook([otherSecret, secret], { id, timestamp, body });
      const expected = [otherSecret, secret].map((key) => referenceSignature(key, { id, body }));
      expect(header).toBe(expected.join(" "));
    });

    it("refuses ids with a `.`, non-integer timestamps and missing or malformed secrets", async () => {
      const message = { id, timestamp, body };
      await expect(webhooks.signWebhook(secret, { ...message, id: "a.b" })).rejects.toThrow(
        TypeError,
      );
      await expect(webhooks.signWebhook(secret, { ...message, id: "" })).rejects.toThrow(TypeError);
      await expect(webhooks.signWebhook(secret, { ...message, timestamp: 1.5 })).rejects.toThrow(
        TypeError,
      );
      await expect(webhooks.signWebhook([], message)).rejects.toThrow(TypeError);
      await expect(webhooks.signWebhook("whsec_", message)).rejects.toThrow(TypeError);
      await expect(webhooks.signWebhook("whsec_not base64!", message)).rejects.toThrow(TypeError);
    });
  });

  describe("verifyWebhook", () => {
    it("round-trips: returns the payload for what signWebhook signed", async () => {
      const signature = await webhooks.signWebhook(secret, { id, timestamp, body });
      const headers = headersFor(signature);
      await expect(webhooks.verifyWebhook(secret, headers, body, at)).resolves.toEqual(payload);
      const fetchHeaders = new Headers(headers);
      await expect(webhooks.verifyWebhook(secret, fetchHeaders, body, at)).resolves.toEqual(
        payload,
      );
    });

    it("takes the body as a string or as the raw bytes", async () => {
      const bytes = new TextEncoder().encode(body);
      const signature = await webhooks.signWebhook(secret, { id, timestamp, body });
      await expect(
        webhooks.verifyWebhook(secret, headersFor(signature), bytes, at),
      ).resolves.toEqual(payload);
    });

    it("reads header names in any case, and ignores non-string values", async () => {
      const signature = await webhooks.signWebhook(secret, { id, timestamp, body });
      const headers = {
        "Webhook-Id": id,
        "WEBHOOK-TIMESTAMP": String(timestamp),
        "webhook-Signature": signature,
        "set-cookie": ["a=b"],
      };
      await expect(webhooks.verifyWebhook(secret, headers, body, at)).resolves.toEqual(payload);
    });

    it("accepts any matching v1 signature among several, skipping other versions", async () => {
      const signature = await webhooks.signWebhook(secret, { id, timestamp, body });
      const header = `v1a,AAAA v1,bm90IGl0 v1,%%% ${signature} v2,zzz`;
      await expect(webhooks.verifyWebhook(secret, headersFor(header), body, at)).resolves.toEqual(
        payload,
      );
      const onlyOtherVersion = signature.replace("v1,", "v1a,");
      await expect(
        webhooks.verifyWebhook(secret, headersFor(onlyOtherVersion), body, at),
      ).rejects.toMatchObject(refused("invalid_signature"));
    });

    it("during a rotation, accepts a message signed with either the old or the new secret", async () => {
      for (const signingSecret of [secret, otherSecret]) {
        const signature = await webhooks.signWebhook(signingSecret, { id, timestamp, body });
        const headers = headersFor(signature);
        await expect(
          webhooks.verifyWebhook([otherSecret, secret], headers, body, at),
        ).resolves.toEqual(payload);
      }
      const both = await webhooks.signWebhook([otherSecret, secret], { id, timestamp, body });
      await expect(webhooks.verifyWebhook(secret, headersFor(both), body, at)).resolves.toEqual(
        payload,
      );
      await expect(
        webhooks.verifyWebhook(otherSecret, headersFor(both), body, at),
      ).resolves.toEqual(payload);
    });

    it("accepts timestamps exactly at the tolerance and refuses one second beyond", async () => {
      const headers = headersFor(await webhooks.signWebhook(secret, { id, timestamp, body }));
      const verifyAt = (now: number, toleranceSeconds?: number) =>
        webhooks.verifyWebhook(secret, headers, body, { now, toleranceSeconds });
      await expect(verifyAt(timestamp + 300)).resolves.toEqual(payload);
      await expect(verifyAt(timestamp - 300)).resolves.toEqual(payload);
      await expect(verifyAt(timestamp + 301)).rejects.toMatchObject(refused("timestamp_too_old"));
      await expect(verifyAt(timestamp - 301)).rejects.toMatchObject(refused("timestamp_in_future"));
      await expect(verifyAt(timestamp + 60, 60)).resolves.toEqual(payload);
      await expect(verifyAt(timestamp + 61, 60)).rejects.toMatchObject(
        refused("timestamp_too_old"),
      );
    });

    it("checks the timestamp against the clock by default", async () => {
      const now = Math.floor(Date.now() / 1000);
      const fresh = await webhooks.signWebhook(secret, { id, timestamp: now, body });
      const headers = headersFor(fresh, { "webhook-timestamp": String(now) });
      await expect(webhooks.verifyWebhook(secret, headers, body)).resolves.toEqual(payload);
      const stale = headersFor(await webhooks.signWebhook(secret, { id, timestamp, body }));
      await expect(webhooks.verifyWebhook(secret, stale, body)).rejects.toMatchObject(
        refused("timestamp_too_old"),
      );
    });

    it("refuses a tampered body, id or timestamp, and a wrong secret", async () => {
      const signature = await webhooks.signWebhook(secret, { id, timestamp, body });
      const cases = [
        { headers: headersFor(signature), body: body.replace("iss_1", "iss_2") },
        { headers: headersFor(signature), body: `${body} ` },
        { headers: headersFor(signature, { "webhook-id": "msg_other" }), body },
        { headers: headersFor(signature, { "webhook-timestamp": String(timestamp + 1) }), body },
      ];
      for (const tampered of cases) {
        await expect(
          webhooks.verifyWebhook(secret, tampered.headers, tampered.body, at),
        ).rejects.toMatchObject(refused("invalid_signature"));
      }
      await expect(
        webhooks.verifyWebhook(otherSecret, headersFor(signature), body, at),
      ).rejects.toMatchObject(refused("invalid_signature"));
    });

    it("refuses missing headers and a timestamp that isn't unix seconds", async () => {
      const signature = await webhooks.signWebhook(secret, { id, timestamp, body });
      for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
        const headers: Record<string, string> = headersFor(signature);
        delete headers[name];
        await expect(webhooks.verifyWebhook(secret, headers, body, at)).rejects.toMatchObject(
          refused("missing_headers"),
        );
      }
      for (const value of ["", "12abc", "-1", "1.5", "1e9"]) {
        const headers = headersFor(signature, { "webhook-timestamp": value });
        await expect(webhooks.verifyWebhook(secret, headers, body, at)).rejects.toMatchObject(
          refused("missing_headers"),
        );
      }
    });

    it("refuses a correctly signed body that is not a webhook payload", async () => {
      const notPayloads = [
        "not json",
        '{"test": 2432232314}',
        JSON.stringify({ ...payload, timestamp: "yesterday" }),
        JSON.stringify({ ...payload, data: [1, 2] }),
        new Uint8Array([0x7b, 0xff, 0x7d]),
      ];
      for (const raw of notPayloads) {
        const headers = headersFor(referenceSignature(secret, { id, body: raw }));
        const error = await webhooks.verifyWebhook(secret, headers, raw, at).catch((e) => e);
        expect(error).toBeInstanceOf(webhooks.WebhookVerificationError);
        expect(error).toMatchObject(refused("invalid_payload"));
        expect(error.cause).toBeDefined();
      }
    });

    it("throws a TypeError, not a verification error, for a secret that isn't one", async () => {
      const signature = await webhooks.signWebhook(secret, { id, timestamp, body });
      await expect(
        webhooks.verifyWebhook("whsec_***", headersFor(signature), body, at),
      ).rejects.toThrow(TypeError);
    });
  });

  describe("with the standardwebhooks package", () => {
    const now = () => Math.floor(Date.now() / 1000);

    it("it verifies our signatures, with the same headers", async () => {
      const message = { id, timestamp: now(), body };
      const headers = {
        "webhook-id": id,
        "webhook-timestamp": String(message.timestamp),
        "webhook-signature": await webhooks.signWebhook(secret, message),
      };
      expect(new Webhook(secret).verify(body, headers)).toEqual(payload);
      expect(new Webhook(secret).verify(Buffer.from(body), headers)).toEqual(payload);
    });

    it("it verifies each secret of our rotation header", async () => {
      const message = { id, timestamp: now(), body };
      const headers = {
        "webhook-id": id,
        "webhook-timestamp": String(message.timestamp),
        "webhook-signature": await webhooks.signWebhook([otherSecret, secret], message),
      };
      expect(new Webhook(secret).verify(body, headers)).toEqual(payload);
      expect(new Webhook(otherSecret).verify(body, headers)).toEqual(payload);
    });

    it("we verify its signatures, with the same headers", async () => {
      const seconds = now();
      const headers = {
        "webhook-id": id,
        "webhook-timestamp": String(seconds),
        "webhook-signature": new Webhook(secret).sign(id, new Date(seconds * 1000), body),
      };
      await expect(webhooks.verifyWebhook(secret, headers, body)).resolves.toEqual(payload);
      const bytes = new TextEncoder().encode(body);
      await expect(webhooks.verifyWebhook(secret, headers, bytes)).resolves.toEqual(payload);
    });

    it("both sign the same message identically", async () => {
      const date = new Date(timestamp * 1000);
      expect(await webhooks.signWebhook(secret, { id, timestamp, body })).toBe(
        new Webhook(secret).sign(id, date, body),
      );
    });
  });
});

describe("the node:crypto and Web Crypto paths", () => {
  it("sign every message byte-identically, with one secret or several", async () => {
    const node = await importWebhooks("node");
    const web = await importWebhooks("web");
    const bodies = [body, "", "x".repeat(70_000), '{"emoji":"🪝","nul":"\\u0000"}'];
    for (const secrets of [secret, [secret], [otherSecret, secret]]) {
      for (const text of bodies) {
        const message = { id, timestamp, body: text };
        const signed = await node.signWebhook(secrets, message);
        expect(await web.signWebhook(secrets, message)).toBe(signed);
        expect(signed.split(" ")[0]).toBe(
          referenceSignature(typeof secrets === "string" ? secrets : (secrets[0] ?? ""), message),
        );
      }
    }
  });

  it("refuse a bad message with a rejected promise, never a throw", async () => {
    for (const runtime of ["node", "web"] as const) {
      const webhooks = await importWebhooks(runtime);
      const signing = webhooks.signWebhook(secret, { id: "a.b", timestamp, body });
      await expect(signing).rejects.toThrow(TypeError);
    }
  });
});
