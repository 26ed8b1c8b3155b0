import { apiKeyEnvironmentSchema } from "@plugboard/core";
import { z } from "zod";
import { keyringOptionsSchema } from "../crypto/keyring";
import { parseRange } from "../webhooks/ip-address";
import { parseOptions } from "./parse-options";

/** A value checked by a predicate, with the message (what is wrong, how to fix it) on failure. */
function rule<T>(test: (value: unknown) => boolean, message: string) {
  return z.custom<T>(test, { error: message });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isFunction = (value: unknown) => typeof value === "function";
const isPositive = (value: unknown) =>
  typeof value === "number" && Number.isFinite(value) && value > 0;
const isWhole = (value: unknown, min: number) =>
  typeof value === "number" && Number.isInteger(value) && value >= min;
const isText = (value: unknown) => typeof value === "string" && value.trim() !== "";
const isStrings = (value: unknown) =>
  Array.isArray(value) && value.every((item) => typeof item === "string");
const isUrl = (value: unknown) => typeof value === "string" && URL.canParse(value);
const isOrigin = (value: unknown) =>
  typeof value === "string" && URL.canParse(value) && new URL(value).origin === value;
const isAddressRange = (value: unknown) => {
  if (typeof value !== "string") return false;
  try {
    parseRange(value);
    return true;
  } catch {
    return false;
  }
};

const fn = (what: string) => rule(isFunction, `is not a function — pass ${what}`);
const count = (unit: string) => rule<number>(isPositive, `must be a positive number of ${unit}`);
const whole = (min: number) =>
  rule<number>((value) => isWhole(value, min), `must be a whole number ≥ ${min}`);
const url = rule<string>(isUrl, 'must be an absolute URL, e.g. "https://example.com/oauth/token"');

const oauthClient = {
  clientId: rule<string>(isText, "is missing — copy it from the provider's OAuth app settings"),
  clientSecret: rule<string>(
    isText,
    "is missing — copy it from the provider's OAuth app settings (keep it in an environment variable)",
  ),
  scopes: rule<string[]>(isStrings, 'must be an array of scope names, e.g. ["repo"]').optional(),
  redirectUri: url.optional(),
};

const githubProvider = z.object({
  ...oauthClient,
  baseUrl: url.optional(),
  apiBaseUrl: url.optional(),
  webhookSecret: rule<string>(isText, "must be the secret set on the GitHub webhook").optional(),
  issueKeyPattern: rule<RegExp>(
    (value) => value instanceof RegExp,
    "must be a RegExp, e.g. /\\bPLANE-\\d+\\b/",
  ).optional(),
  statuses: z
    .object(
      {
        opened: rule<string>(isText, "must be one of your status names").optional(),
        merged: rule<string>(isText, "must be one of your status names").optional(),
        closed: rule<string>(isText, "must be one of your status names").optional(),
      },
      { error: 'must be { opened?, merged?, closed? } status names, e.g. { merged: "Done" }' },
    )
    .optional(),
  deliveryRetentionDays: count("days").optional(),
  onIssueReference: fn(
    "async ({ organizationId, projectId, issueKey, reference }) => {}",
  ).optional(),
});

const slackProvider = z.object({
  ...oauthClient,
  baseUrl: url.optional(),
  signingSecret: rule<string>(
    isText,
    "must be the Signing Secret from the Slack app's Basic Information page",
  ).optional(),
  commandName: rule<string>(
    (value) => typeof value === "string" && /^\/[a-z0-9_-]{1,31}$/.test(value),
    'must be the slash command as configured in the Slack app, e.g. "/plugboard"',
  ).optional(),
});

const googleCalendarProvider = z.object({
  ...oauthClient,
  baseUrls: z
    .object(
      {
        accounts: url.optional(),
        oauth2: url.optional(),
        openId: url.optional(),
        calendar: url.optional(),
      },
      { error: "must be { accounts?, oauth2?, openId?, calendar? } URLs" },
    )
    .optional(),
  sync: z
    .object(
      {
        notificationsUrl: z.union([url, fn("() => string | undefined")]).optional(),
        pollEveryMs: count("milliseconds").optional(),
        channelTtlMs: count("milliseconds").optional(),
        renewBeforeMs: count("milliseconds").optional(),
        backoffBaseMs: count("milliseconds").optional(),
        maxQuotaRetries: count("retries").optional(),
      },
      { error: "must be { notificationsUrl?, pollEveryMs?, channelTtlMs?, … }" },
    )
    .optional(),
});

const genericProvider = z.object({
  ...oauthClient,
  authorizationUrl: url,
  tokenUrl: url,
  revocationUrl: url.optional(),
  scopes: rule<string[]>(isStrings, 'must be an array of scope names, e.g. ["read"]'),
  pkce: rule<boolean>((value) => typeof value === "boolean", "must be true or false").optional(),
  accountName: fn("(accessToken) => Promise<string | null>").optional(),
});

/** Each provider is checked against its own shape; unknown ids are left to the registry. */
const providers = rule<Record<string, unknown>>(
  isObject,
  "must be an object of OAuth apps, e.g. { github: { clientId, clientSecret } }",
).superRefine((value, context) => {
  for (const [id, options] of Object.entries(value)) {
    if (options === undefined) continue;
    const schema =
      isObject(options) && "type" in options
        ? genericProvider
        : id === "github"
          ? githubProvider
          : id === "slack"
            ? slackProvider
            : id === "google-calendar"
              ? googleCalendarProvider
              : z.object(oauthClient);
    const parsed = z
      .custom(isObject, { error: "must be { clientId, clientSecret, … }" })
      .pipe(schema)
      .safeParse(options);
    for (const issue of parsed.error?.issues ?? []) {
      context.addIssue({ code: "custom", path: [id, ...issue.path], message: issue.message });
    }
  }
});

const oauth = z.object(
  {
    appOrigins: z
      .array(
        rule<string>(
          isOrigin,
          'must be an origin, scheme and host only: "https://app.example.com"',
        ),
        { error: 'must be an array of origins, e.g. ["https://app.example.com"]' },
      )
      .optional(),
    stateTtlMs: count("milliseconds").optional(),
  },
  { error: "must be { appOrigins?, stateTtlMs? }" },
);

const apiKeys = z.object(
  {
    prefix: rule<string>(
      (value) => typeof value === "string" && /^[a-z0-9]{2,10}$/.test(value),
      'must be 2–10 lowercase letters or digits, e.g. "sk"',
    ).optional(),
    environment: rule<string>(
      (value) => apiKeyEnvironmentSchema.safeParse(value).success,
      `must be one of ${apiKeyEnvironmentSchema.options.map((name) => `"${name}"`).join(", ")}`,
    ).optional(),
    defaultRateLimitPerMinute: rule<number | null>(
      (value) => value === null || isWhole(value, 1),
      "must be a whole number of requests ≥ 1, or null for no limit",
    ).optional(),
    cacheTtlMs: whole(0).optional(),
    cacheMaxEntries: whole(1).optional(),
    rateLimiter: rule(
      (value) => isObject(value) && isFunction(value.hit),
      "must have a hit() method — e.g. redisRateLimiter(redis) from @plugboard/server/redis",
    ).optional(),
    rateLimit: z
      .object(
        {
          onError: rule<string>(
            (value) => value === "allow" || value === "deny",
            'must be "allow" or "deny"',
          ).optional(),
        },
        { error: 'must be { onError: "allow" | "deny" }' },
      )
      .optional(),
    usageRetentionDays: count("days").optional(),
    memberAccess: rule<string>(
      (value) => value === "own" || value === "none",
      'must be "own" or "none"',
    ).optional(),
  },
  { error: 'must be an object, e.g. { environment: "test" }' },
);

const sso = z.object(
  {
    onLogin: fn("async ({ organizationId, email, returnTo, … }) => a Response that signs them in"),
    origin: rule<string>(
      (value) => isOrigin(value) || isFunction(value),
      'must be the public origin the IdP sends people back to: "https://app.example.com"',
    ),
    resolveTxt: fn("async (name) => string[][], like dns.promises.resolveTxt").optional(),
    fetch: fn("a fetch-compatible function").optional(),
    allowHttp: rule<boolean>(
      (value) => typeof value === "boolean",
      "must be true or false",
    ).optional(),
    clockSkewMs: whole(0).optional(),
    requestTtlMs: count("milliseconds").optional(),
    domainTokenTtlMs: count("milliseconds").optional(),
    consumerDomains: rule<string[]>(
      isStrings,
      'must be an array of domains, e.g. ["mail.example"]',
    ).optional(),
    onCertificateExpiring: fn(
      "async ({ organizationId, connectionId, expiresAt }) => {}",
    ).optional(),
  },
  { error: 'must be { onLogin, origin: "https://app.example.com" }' },
);

const webhooks = z.object(
  {
    allowHttp: rule<boolean>(
      (value) => typeof value === "boolean",
      "must be true or false",
    ).optional(),
    allowAddresses: z
      .array(
        rule<string>(isAddressRange, 'must be an IP address or CIDR range, e.g. "127.0.0.1"'),
        { error: 'must be an array of addresses, e.g. ["127.0.0.1"]' },
      )
      .optional(),
    resolveHost: fn("(host) => Promise<string[]> of addresses").optional(),
    fetch: fn("a fetch-compatible function").optional(),
    timeoutMs: count("milliseconds").optional(),
    maxPayloadBytes: whole(1).optional(),
    responseBodyLimit: whole(0).optional(),
    retrySchedule: rule<number[]>(
      (value) =>
        Array.isArray(value) && value.length > 0 && value.every((delay) => isWhole(delay, 0)),
      "must be a non-empty array of delays in milliseconds, e.g. [0, 5000, 300000]",
    ).optional(),
    jitter: rule<number>(
      (value) => typeof value === "number" && value >= 0 && value < 1,
      "must be a fraction in [0, 1), e.g. 0.1",
    ).optional(),
    random: fn("a function returning a number in [0, 1), like Math.random").optional(),
    disableAfter: rule(
      (value) =>
        value === false ||
        (isObject(value) && isWhole(value.failures, 1) && isWhole(value.windowMs, 0)),
      "must be { failures, windowMs } (whole numbers) or false",
    ).optional(),
    retentionDays: rule<number | false>(
      (value) => value === false || isPositive(value),
      "must be a positive number of days, or false to keep everything",
    ).optional(),
    formatChatMessage: fn("(payload, endpoint) => string").optional(),
    dispatcher: z
      .object(
        {
          batchSize: whole(1).optional(),
          concurrency: whole(1).optional(),
          pollIntervalMs: count("milliseconds").optional(),
          leaseMs: count("milliseconds").optional(),
        },
        { error: "must be { batchSize?, concurrency?, pollIntervalMs?, leaseMs? }" },
      )
      .optional(),
  },
  { error: 'must be an object, e.g. { allowAddresses: ["127.0.0.1"] }' },
);

const storeFactories =
  'memoryStore(), await sqliteStore("plugboard.db") or await postgresStore(url)';

const plugboardOptions = z.object(
  {
    store: z.custom(
      (value) => isObject(value) && isFunction(value.close) && !isFunction(value.then),
      {
        error: (issue) =>
          issue.input === undefined
            ? `is missing — pass ${storeFactories}`
            : isObject(issue.input) && isFunction(issue.input.then)
              ? "is a Promise — await sqliteStore(…) or postgresStore(…) before passing it"
              : `is not a Plugboard store — pass ${storeFactories}`,
      },
    ),
    authenticate: fn("async (request) => ({ userId, organizationId, role }) or null"),
    encryption: keyringOptionsSchema,
    basePath: rule<string>(
      (value) => typeof value === "string" && /^\/?[^\s?#:]*$/.test(value),
      'must be a path like "/api/plugboard" (no origin, query or fragment)',
    ).optional(),
    catalog: rule(
      (value) =>
        Array.isArray(value) && value.every((entry) => isObject(entry) && isText(entry.id)),
      "must be an array of catalog entries — start from integrationCatalog",
    ).optional(),
    logger: rule(
      (value) => isObject(value) && isFunction(value.warn) && isFunction(value.error),
      "must have warn() and error() methods (console does)",
    ).optional(),
    now: fn("a function returning epoch milliseconds, like Date.now").optional(),
    providers: providers.optional(),
    oauth: oauth.optional(),
    host: rule(
      (value) => isObject(value),
      "must be the host port: { issues?, comments?, projects?, workflowStates?, users? }",
    ).optional(),
    maxBodyBytes: whole(1).optional(),
    jobs: rule(
      (value) => isObject(value),
      "must be an object, e.g. { concurrency: 10, maxAttempts: 5 }",
    ).optional(),
    apiKeys: apiKeys.optional(),
    webhooks: webhooks.optional(),
    sso: sso.optional(),
    jiraImport: z
      .object({
        fetch: fn("a fetch implementation").optional(),
        sleep: fn("a function (ms) => Promise<void>").optional(),
        allowInsecureHttp: z.boolean().optional(),
        maxRetries: whole(0).optional(),
        retryBaseMs: whole(0).optional(),
        maxCsvBytes: whole(1).optional(),
      })
      .optional(),
  },
  { error: "createPlugboard needs an options object: { store, authenticate, encryption }" },
);

/** Throws one Error naming every wrong option of `createPlugboard` and how to fix it. */
export function validateOptions(options: unknown): void {
  parseOptions(plugboardOptions, options);
}
