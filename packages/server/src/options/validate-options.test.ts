import { integrationCatalog } from "@plugboard/core";
import { describe, expect, it } from "vitest";
import { generateEncryptionKey } from "../crypto/keyring";
import { trackerHost } from "../integrations/oauth/oauth.test-harness";
import { createPlugboard, type PlugboardOptions } from "../plugboard";
import { memoryStore } from "../stores/memory/memory-store";

const k1 = generateEncryptionKey();
const [github] = integrationCatalog;
const valid: PlugboardOptions = {
  store: memoryStore(),
  authenticate: () => null,
  encryption: { currentKeyId: "k1", keys: { k1 } },
};

/** createPlugboard with `valid` plus the overrides, as a JavaScript host could call it. */
function create(overrides: Record<string, unknown>) {
  return () => createPlugboard({ ...valid, ...overrides } as PlugboardOptions);
}

describe("createPlugboard refuses a wrong option with its name and the fix", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["no store", { store: undefined }, "store is missing — pass memoryStore()"],
    [
      "a store not awaited",
      { store: Promise.resolve(memoryStore()) },
      "store is a Promise — await sqliteStore(…)",
    ],
    ["something else as store", { store: {} }, "store is not a Plugboard store"],
    ["no authenticate", { authenticate: undefined }, "authenticate is not a function — pass"],
    [
      "no encryption",
      { encryption: undefined },
      'encryption is missing — pass { currentKeyId: "k1"',
    ],
    [
      "a key that is not base64",
      { encryption: { currentKeyId: "k1", keys: { k1: "not base64!" } } },
      "encryption.keys.k1 is not 32 bytes of base64 — generate one with generateEncryptionKey()",
    ],
    [
      "a key of 16 bytes",
      { encryption: { currentKeyId: "k1", keys: { k1: btoa("0123456789abcdef") } } },
      "encryption.keys.k1 is not 32 bytes of base64 — generate one with generateEncryptionKey()",
    ],
    [
      "a key from an unset environment variable",
      { encryption: { currentKeyId: "k1", keys: { k1: undefined } } },
      "encryption.keys.k1 is undefined (an unset environment variable?)",
    ],
    [
      "a current key id that is not in the keyring",
      { encryption: { currentKeyId: "k2", keys: { k1 } } },
      'encryption.currentKeyId "k2" is not one of encryption.keys (k1)',
    ],
    [
      "an empty keyring",
      { encryption: { currentKeyId: "k1", keys: {} } },
      "encryption.keys is empty — add a key from generateEncryptionKey()",
    ],
    [
      "a key id with a space",
      { encryption: { currentKeyId: "k 1", keys: { "k 1": k1 } } },
      "encryption.keys.k 1 has an id that is not only letters, digits, _ or -",
    ],
    [
      "a URL as basePath",
      { basePath: "https://app.example.com/api" },
      'basePath must be a path like "/api/plugboard"',
    ],
    [
      "a catalog that is not an array",
      { catalog: {} },
      "catalog must be an array of catalog entries",
    ],
    ["a logger without error()", { logger: { warn() {} } }, "logger must have warn() and error()"],
    ["a clock that is not a function", { now: 0 }, "now is not a function"],
    [
      "an OAuth app without its secret",
      { providers: { github: { clientId: "id" } } },
      "providers.github.clientSecret is missing — copy it from the provider's OAuth app settings",
    ],
    [
      "an issue key pattern as a string",
      {
        providers: { github: { clientId: "id", clientSecret: "s", issueKeyPattern: "PLANE-\\d+" } },
      },
      "providers.github.issueKeyPattern must be a RegExp",
    ],
    [
      "an own OAuth provider without a token URL",
      {
        providers: {
          linear: {
            type: "oauth2",
            clientId: "id",
            clientSecret: "s",
            authorizationUrl: "https://linear.app/oauth/authorize",
            scopes: ["read"],
          },
        },
      },
      "providers.linear.tokenUrl must be an absolute URL",
    ],
    [
      "a provider the catalog does not offer",
      { providers: { gitlab: { clientId: "id", clientSecret: "s" } } },
      'providers.gitlab: the catalog has no OAuth integration "gitlab"',
    ],
    [
      "an app origin with a path",
      { oauth: { appOrigins: ["https://app.example.com/settings"] } },
      "oauth.appOrigins.0 must be an origin, scheme and host only",
    ],
    [
      "a hook that is not a function",
      {
        providers: {
          github: { clientId: "id", clientSecret: "secret", onIssueReference: "notify" },
        },
      },
      "providers.github.onIssueReference is not a function",
    ],
    ["a host port that is not an object", { host: "tracker" }, "host must be the host port"],
    ["a body cap of zero", { maxBodyBytes: 0 }, "maxBodyBytes must be"],
    [
      "an API-key prefix with capitals",
      { apiKeys: { prefix: "SK" } },
      "apiKeys.prefix must be 2–10 lowercase letters or digits",
    ],
    [
      "an unknown API-key environment",
      { apiKeys: { environment: "prod" } },
      'apiKeys.environment must be one of "live", "test"',
    ],
    [
      "a negative default rate limit",
      { apiKeys: { defaultRateLimitPerMinute: -1 } },
      "apiKeys.defaultRateLimitPerMinute must be a whole number of requests ≥ 1, or null",
    ],
    [
      "a rate limiter without hit()",
      { apiKeys: { rateLimiter: {} } },
      "apiKeys.rateLimiter must have a hit() method",
    ],
    [
      "an unknown limiter failure mode",
      { apiKeys: { rateLimit: { onError: "block" } } },
      'apiKeys.rateLimit.onError must be "allow" or "deny"',
    ],
    [
      "a host name as allowed address",
      { webhooks: { allowAddresses: ["localhost"] } },
      "webhooks.allowAddresses.0 must be an IP address or CIDR range",
    ],
    [
      "a timeout in seconds as text",
      { webhooks: { timeoutMs: "15s" } },
      "webhooks.timeoutMs must be a positive number of milliseconds",
    ],
    [
      "zero retention",
      { webhooks: { retentionDays: 0 } },
      "webhooks.retentionDays must be a positive number of days, or false",
    ],
    [
      "an empty retry schedule",
      { webhooks: { retrySchedule: [] } },
      "webhooks.retrySchedule must be a non-empty array of delays",
    ],
    [
      "a dispatcher with no concurrency",
      { webhooks: { dispatcher: { concurrency: 0 } } },
      "webhooks.dispatcher.concurrency must be a whole number ≥ 1",
    ],
  ])("%s", (_name, overrides, message) => {
    expect(create(overrides)).toThrow(message);
  });

  it("names every wrong option at once", () => {
    expect(create({ store: undefined, authenticate: "me", basePath: "/api?x" })).toThrow(
      /^3 Plugboard options are wrong:\n- store is missing.*\n- authenticate is not a function.*\n- basePath must be a path/,
    );
  });

  it("refuses a call without options", () => {
    expect(() => createPlugboard(undefined as unknown as PlugboardOptions)).toThrow(
      "createPlugboard needs an options object: { store, authenticate, encryption }",
    );
  });

  it("accepts every option set right", () => {
    if (!github) throw new Error("the catalog starts with GitHub");
    const plugboard = createPlugboard({
      ...valid,
      encryption: { currentKeyId: "2026-11", keys: { k1, "2026-11": generateEncryptionKey() } },
      basePath: "plugboard/",
      catalog: [...integrationCatalog, { ...github, id: "linear", name: "Linear" }],
      logger: console,
      now: Date.now,
      providers: {
        github: {
          clientId: "id",
          clientSecret: "secret",
          webhookSecret: "whsec",
          issueKeyPattern: /\bPLANE-\d+\b/,
          statuses: { merged: "Done" },
          onIssueReference: async () => {},
          apiBaseUrl: "https://ghes.example.com/api/v3",
        },
        slack: { clientId: "id", clientSecret: "secret", scopes: ["chat:write"] },
        linear: {
          type: "oauth2",
          clientId: "id",
          clientSecret: "secret",
          authorizationUrl: "https://linear.app/oauth/authorize",
          tokenUrl: "https://api.linear.app/oauth/token",
          scopes: ["read"],
        },
      },
      oauth: { appOrigins: ["https://app.example.com"], stateTtlMs: 60_000 },
      host: trackerHost().port,
      maxBodyBytes: 64 * 1024,
      apiKeys: {
        prefix: "pb",
        environment: "test",
        defaultRateLimitPerMinute: null,
        cacheTtlMs: 0,
      },
      webhooks: {
        allowHttp: true,
        allowAddresses: ["127.0.0.1", "10.0.0.0/8", "::1"],
        retentionDays: false,
        disableAfter: false,
        dispatcher: { concurrency: 4, pollIntervalMs: 50 },
      },
    });
    expect(plugboard.basePath).toBe("/plugboard");
  });
});
