import { base62Alphabet, randomBase62 } from "../ids";
import { crc32 } from "./crc32";
import { type ApiKeyEnvironment, apiKeyEnvironmentSchema } from "./environments";

/*
 * `<prefix>_<env>_<random><checksum>`, GitHub's token format: 24 random base62 characters
 * (24 × log2 62 ≈ 142.9 bits) then the CRC-32 of everything before the checksum as 6 base62
 * characters. The checksum rejects mistyped or truncated keys without a store lookup; the fixed
 * prefix lets secret scanners find leaked keys.
 */

const defaultPrefix = "sk";
const prefixPattern = /^[a-z0-9]{2,10}$/;
const randomLength = 24;
const checksumLength = 6;
/** 4 random characters (≈ 23.8 bits): enough to tell a user's keys apart, far too few to guess the rest. */
const displayRandomLength = 4;

const environments = apiKeyEnvironmentSchema.options;
const bodyPattern = new RegExp(
  `^(${environments.join("|")})_[0-9A-Za-z]{${randomLength + checksumLength}}$`,
);
const encoder = new TextEncoder();

export interface ApiKeyFormatOptions {
  /** The host's key prefix: 2–10 lowercase letters or digits. Defaults to `sk`. */
  prefix?: string;
}

export interface GenerateApiKeyOptions extends ApiKeyFormatOptions {
  env: ApiKeyEnvironment;
}

export interface GeneratedApiKey {
  /** The secret. Show it once; store only `apiKeyLookupHash(key)`. */
  key: string;
  /** `sk_live_AbCd`: safe to keep and show in lists. */
  displayPrefix: string;
}

export type ApiKeyParseResult =
  | { ok: true; prefix: string; env: ApiKeyEnvironment; displayPrefix: string }
  | { ok: false; reason: "malformed" | "bad_checksum" };

export function generateApiKey(options: GenerateApiKeyOptions): GeneratedApiKey {
  const prefix = checkedPrefix(options.prefix);
  if (!environments.includes(options.env)) {
    throw new TypeError(`API key env must be one of ${environments.join(", ")}`);
  }
  const head = `${prefix}_${options.env}_`;
  const random = randomBase62(randomLength);
  return {
    key: `${head}${random}${checksum(head + random)}`,
    displayPrefix: head + random.slice(0, displayRandomLength),
  };
}

/**
 * Checks a key's shape and checksum only, with no hashing and no store access, so junk is turned
 * away before it costs a database query. A key that passes may still be unknown or revoked.
 */
export function parseApiKey(text: string, options: ApiKeyFormatOptions = {}): ApiKeyParseResult {
  const prefix = checkedPrefix(options.prefix);
  if (!text.startsWith(`${prefix}_`)) return { ok: false, reason: "malformed" };
  const match = bodyPattern.exec(text.slice(prefix.length + 1));
  if (!match) return { ok: false, reason: "malformed" };
  const checked = text.slice(0, -checksumLength);
  if (checksum(checked) !== text.slice(-checksumLength)) {
    return { ok: false, reason: "bad_checksum" };
  }
  const env = match[1] as ApiKeyEnvironment;
  return {
    ok: true,
    prefix,
    env,
    displayPrefix: text.slice(0, prefix.length + env.length + 2 + displayRandomLength),
  };
}

/**
 * Finds candidate keys in text, for secret scanners (global flag, so `text.matchAll` works; a
 * new RegExp each call, so `lastIndex` is never shared). A regex cannot check the checksum:
 * confirm hits with `parseApiKey` to drop false positives.
 */
export function apiKeyPattern(prefix?: string): RegExp {
  return new RegExp(
    `\\b${checkedPrefix(prefix)}_(?:${environments.join("|")})_[0-9A-Za-z]{${randomLength + checksumLength}}\\b`,
    "g",
  );
}

/**
 * What the store keeps and looks keys up by: hex SHA-256 of the whole key. A fast unsalted hash
 * is enough because the key carries ~143 random bits, so there is nothing to brute-force, and
 * being deterministic it can be an indexed column.
 */
export async function apiKeyLookupHash(key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", encoder.encode(key));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function checkedPrefix(prefix = defaultPrefix): string {
  if (!prefixPattern.test(prefix)) {
    throw new TypeError("API key prefix must be 2–10 lowercase letters or digits");
  }
  return prefix;
}

/** CRC-32 in base62, left-padded with '0'; 62^6 > 2^32, so 6 characters always suffice. */
function checksum(text: string): string {
  let value = crc32(encoder.encode(text));
  let out = "";
  for (let i = 0; i < checksumLength; i++) {
    out = base62Alphabet.charAt(value % 62) + out;
    value = Math.floor(value / 62);
  }
  return out;
}
