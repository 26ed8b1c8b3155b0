import { timingSafeEqualText } from "./bytes";
import { hmac, ready } from "./hmac";
import { type WebhookPayload, webhookPayloadSchema } from "./payload";
import { webhookSecretKey } from "./secret";
import { WebhookVerificationError } from "./verification-error";

export const webhookHeaderNames = {
  id: "webhook-id",
  timestamp: "webhook-timestamp",
  signature: "webhook-signature",
} as const;

export interface WebhookMessage {
  /** `webhook-id`: the same on every retry of a message, so receivers can dedupe on it. */
  id: string;
  /** `webhook-timestamp`: unix seconds of this attempt. */
  timestamp: number;
  /** The exact body sent; the signature covers these characters, not the JSON they parse to. */
  body: string;
}

/** A fetch `Headers`, or a plain object such as Node's `request.headers`. */
export type WebhookHeaders =
  | Headers
  | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from `now`, either way. Default 300 (the spec's 5 minutes). */
  toleranceSeconds?: number;
  /** Unix seconds; defaults to the clock. */
  now?: number;
}

/** During a rotation a message is signed with each secret, and any one of them verifies it. */
type Secrets = string | readonly string[];

function secretList(secrets: Secrets): readonly string[] {
  const list = typeof secrets === "string" ? [secrets] : secrets;
  if (list.length === 0) throw new TypeError("At least one webhook secret is required");
  return list;
}

/**
 * The `webhook-signature` header for a message: `v1,<base64 HMAC-SHA256>` per secret, space
 * separated. Returns a promise because browsers and edge runtimes only have Web Crypto; on Node
 * it is computed synchronously and returned already resolved. Not an `async` function, and one
 * secret (the common case) allocates no arrays: at 1 KiB that bookkeeping was a quarter of the
 * time beside the HMAC itself.
 */
export function signWebhook(secrets: Secrets, message: WebhookMessage): Promise<string> {
  try {
    const { id, timestamp, body } = message;
    // The spec signs `id.timestamp.body`: a `.` in the id would make that concatenation ambiguous.
    if (id === "" || id.includes(".")) {
      throw new TypeError("A webhook id must be non-empty, without `.`");
    }
    if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
      throw new TypeError("A webhook timestamp must be whole unix seconds");
    }
    const prefix = `${id}.${timestamp}.`;
    if (typeof secrets === "string") {
      const signature = hmac.base64(webhookSecretKey(secrets), prefix, body);
      return typeof signature === "string"
        ? Promise.resolve(`v1,${signature}`)
        : signature.then((text) => `v1,${text}`);
    }
    const pending = secretList(secrets).map((secret) =>
      hmac.base64(webhookSecretKey(secret), prefix, body),
    );
    const header = (signatures: readonly string[]) =>
      signatures.map((signature) => `v1,${signature}`).join(" ");
    return ready(pending) ? Promise.resolve(header(pending)) : Promise.all(pending).then(header);
  } catch (error) {
    // As an async function would: a bad argument is a rejected promise, never a throw.
    return Promise.reject(error);
  }
}

function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers.get === "function") return (headers as Headers).get(name) ?? undefined;
  const record = headers as Exclude<WebhookHeaders, Headers>;
  // Node lowercases header names; other servers and hand-built objects may not.
  const value =
    record[name] ?? Object.entries(record).find(([key]) => key.toLowerCase() === name)?.[1];
  return typeof value === "string" ? value : undefined;
}

/** The `v1` signatures of the header; other schemes (`v1a`, future ones) are skipped. */
function v1Signatures(header: string): string[] {
  const signatures: string[] = [];
  for (const entry of header.split(" ")) {
    if (entry.startsWith("v1,")) signatures.push(entry.slice(3));
  }
  return signatures;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function parsePayload(rawBody: string | Uint8Array): WebhookPayload {
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === "string" ? rawBody : utf8.decode(rawBody));
  } catch (cause) {
    throw new WebhookVerificationError("invalid_payload", "The body is not UTF-8 JSON", { cause });
  }
  const parsed = webhookPayloadSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new WebhookVerificationError("invalid_payload", "The body is not a webhook payload", {
    cause: parsed.error,
  });
}

/**
 * Checks a received webhook against the raw body, exactly as received (never re-serialized JSON),
 * and returns its payload. Throws a WebhookVerificationError saying why it was refused; throws a
 * TypeError for a secret that isn't one. Async for the same reason as signWebhook.
 */
export async function verifyWebhook(
  secrets: Secrets,
  headers: WebhookHeaders,
  rawBody: string | Uint8Array,
  options: VerifyWebhookOptions = {},
): Promise<WebhookPayload> {
  const keys = secretList(secrets).map(webhookSecretKey);
  const id = readHeader(headers, webhookHeaderNames.id);
  const timestamp = readHeader(headers, webhookHeaderNames.timestamp);
  const signatureHeader = readHeader(headers, webhookHeaderNames.signature);
  if (!id || !timestamp || !signatureHeader) {
    throw new WebhookVerificationError("missing_headers", "A webhook-* header is missing");
  }
  const seconds = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || !Number.isSafeInteger(seconds)) {
    throw new WebhookVerificationError("missing_headers", "webhook-timestamp is not unix seconds");
  }

  // Before any hashing: cheap, and a replay fails here whatever its signature.
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  if (now - seconds > tolerance) {
    throw new WebhookVerificationError("timestamp_too_old", "webhook-timestamp is too old");
  }
  if (seconds - now > tolerance) {
    throw new WebhookVerificationError("timestamp_in_future", "webhook-timestamp is in the future");
  }

  // The header's own digits are signed, exactly as sent.
  const prefix = `${id}.${timestamp}.`;
  // Compared as base64 text, as the reference libraries do: decoding the received signature
  // first would cost more than the HMAC itself on a 1 KiB body.
  const pending = keys.map((key) => hmac.base64(key, prefix, rawBody));
  const expected = ready(pending) ? pending : await Promise.all(pending);
  const signatures = v1Signatures(signatureHeader);
  const signed = expected.some((digest) =>
    signatures.some((signature) => timingSafeEqualText(digest, signature)),
  );
  if (!signed) {
    throw new WebhookVerificationError("invalid_signature", "No signature matches the secret");
  }
  return parsePayload(rawBody);
}
