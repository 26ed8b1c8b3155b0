import { createHmac } from "node:crypto";
import { type Identity, problemContentType, problemSchema } from "@plugboard/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateEncryptionKey } from "./crypto/keyring";
import type { HttpMethod, Route } from "./http/route";
import type { Logger } from "./logger";
import { routesOf } from "./module";
import { builtinModules } from "./modules";
import { createPlugboard, type Plugboard } from "./plugboard";
import { backends, type OpenedBackend } from "./stores/backends.test-helper";
import type { Store } from "./stores/types";

/**
 * "The handler kit never answers a 500 for a client's mistake", for every route in the route
 * table: a route added to `routes` later is covered without touching this file. Each route gets
 * unknown and hostile path parameters, junk query strings and, when it takes a body, every
 * malformed body we could think of. None may answer 5xx, leak a stack trace or a secret, or
 * store anything.
 */

const BASE = "/api/plugboard";
const ORIGIN = "http://app.test";
const NOW = Date.UTC(2025, 10, 24, 12, 0, 0);
const ENCRYPTION_KEY = generateEncryptionKey();
const GITHUB_CLIENT_SECRET = "gh-client-sEcReT-hostile";
const GITHUB_WEBHOOK_SECRET = "gh-webhook-sEcReT-hostile";
const SECRETS = [ENCRYPTION_KEY, GITHUB_CLIENT_SECRET, GITHUB_WEBHOOK_SECRET];

const users: Record<string, Identity> = {
  ada: { userId: "usr_ada", organizationId: "org_acme", role: "admin" },
};

// One handler kit per store for the whole suite: whatever one hostile request writes, the last
// test sees. PostgreSQL is the strictest about text (it refuses NUL), so it runs when it can.
const logger = { warn: vi.fn(), error: vi.fn() } satisfies Logger;
let store: Store;
let plugboard: Plugboard;

function openKit(opened: Store): Plugboard {
  return createPlugboard({
    store: opened,
    authenticate: (request) => users[request.headers.get("x-user") ?? ""] ?? null,
    encryption: { currentKeyId: "k1", keys: { k1: ENCRYPTION_KEY } },
    logger,
    now: () => NOW,
    // GitHub configured, so the OAuth and GitHub routes do their work rather than answer 404.
    providers: {
      github: {
        clientId: "gh-client-id",
        clientSecret: GITHUB_CLIENT_SECRET,
        webhookSecret: GITHUB_WEBHOOK_SECRET,
      },
    },
    // Offline: any host resolves to a public address.
    webhooks: { resolveHost: async () => ["93.184.216.34"] },
  });
}

// --- inputs -------------------------------------------------------------------------------------

/** Plausible values for a path parameter that name nothing stored. The first is the default. */
const plausibleValues: Record<string, string[]> = {
  provider: ["github", "pumble", "myspace"],
  keyId: ["key_unknown"],
  endpointId: ["whe_unknown"],
  installationId: ["ins_unknown"],
  linkId: ["ghl_unknown"],
};
const plausible = (param: string) => plausibleValues[param] ?? [`${param.toLowerCase()}_unknown`];

/** Path segments as they appear in the URL (already percent-encoded where that is the point). */
const hostileSegments: [label: string, segment: string][] = [
  ["a 5,000-char string", "a".repeat(5000)],
  ["%00", "%00"],
  ["..%2F..%2F", "..%2F..%2F"],
  ["unicode ü🙂", "ü🙂"],
  ["an encoded slash", "a%2Fb"],
  ["a dot segment %2e%2e", "%2e%2e"],
  ["broken percent-encoding", "%E0%A4%A"],
  ["a script tag", encodeURIComponent("<script>alert(1)</script>")],
  ["whitespace, quotes and a newline", "%20%22'%0A"],
];

const hostileQueries: [label: string, query: string][] = [
  ["a junk query string", "?cursor=%%%&limit=-1&limit=abc&from=yesterday&granularity=x"],
  [
    "repeated query keys",
    "?limit=1&limit=2&projectId=a&projectId=b&status=failed&status=pending&before=a&before=b" +
      "&messageId=a&messageId=b&from=2025-01-01T00:00:00Z&from=x&to=x&to=y" +
      "&granularity=hour&granularity=day&state=a&state=b&code=a&code=b",
  ],
  [
    "huge and NUL query values",
    `?projectId=${"p".repeat(5000)}&before=${"b".repeat(5000)}&state=${"s".repeat(5000)}` +
      "&limit=99999999999999999999&cursor=%00&code=%00&error=%00",
  ],
];

/**
 * Bodies that reach a handler with a parameter-taking route, to exercise what it does with the
 * hostile parameters. The first one a route's schema accepts is its sample body. None of them is
 * a valid body for a route that creates something without an id in its path (an API key, an
 * endpoint), so the sample bodies themselves cannot store anything.
 */
const sampleCandidates: unknown[] = [
  {},
  { enabled: false },
  { messageId: "msg_unknown" },
  { since: "2025-01-01T00:00:00.000Z" },
  { projectId: "prj_unknown", repository: "acme/web" },
];

/** Common field names, each with a wrong type; the keys are added to every schema's own. */
const wrongTypes = { url: 1, name: [], scopes: "x", events: {}, webhookUrl: false, projectId: 5 };

/** The JSON body schema a route validates, if any (pages and provider traffic have none). */
const bodySchemaOf = (route: Route) => (route.auth === "required" ? route.body : undefined);

function schemaKeys(route: Route): string[] {
  const schema = bodySchemaOf(route);
  const shape = schema && "shape" in schema ? schema.shape : undefined;
  return shape ? Object.keys(shape) : [];
}

function sampleBody(route: Route): string | undefined {
  const schema = bodySchemaOf(route);
  if (!schema) return undefined;
  const valid = sampleCandidates.find((candidate) => schema.safeParse(candidate).success);
  return JSON.stringify(valid ?? {});
}

const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
const deepArray = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const bytes = (text: string) => new TextEncoder().encode(text);

type Body = string | Uint8Array<ArrayBuffer>;

interface BodyInput {
  label: string;
  body: Body;
  contentType: string | null;
}

function bodyInputs(route: Route): BodyInput[] {
  const keys = [...new Set([...schemaKeys(route), ...Object.keys(wrongTypes)])];
  /** A JSON object with every key set to the same raw JSON text. */
  const everyField = (rawValue: string) =>
    `{${keys.map((key) => `${JSON.stringify(key)}:${rawValue}`).join(",")}}`;
  const json = (label: string, body: Body): BodyInput => ({
    label,
    body,
    contentType: "application/json",
  });
  return [
    json("malformed JSON", '{"url": "https://example.com", '),
    json("a JSON array", '[{"name":"x"}]'),
    json("null", "null"),
    json("a number", "42"),
    json("a string", '"hello"'),
    json("{}", "{}"),
    json("fields of the wrong types", JSON.stringify(wrongTypes)),
    json("every field a number", everyField("12345")),
    json("every field a string", everyField('"x"')),
    json("every field a boolean", everyField("true")),
    json("every field an array", everyField("[]")),
    json("every field an object", everyField("{}")),
    json("every field null", everyField("null")),
    json("every field 1e999 (Infinity)", everyField("1e999")),
    json("a depth-5,000 nested object", deepObject(5000)),
    json("a depth-5,000 nested array", deepArray(5000)),
    json("a depth-5,000 object in every field", everyField(deepObject(5000))),
    json("a depth-100,000 nested object", deepObject(100_000)),
    json("a 200 KB string in every field", everyField(JSON.stringify("x".repeat(200_000)))),
    json(
      "__proto__ and constructor keys",
      '{"__proto__":{"role":"admin"},"constructor":{"prototype":{"polluted":true}}}',
    ),
    {
      label: "a valid body as text/plain",
      body: sampleBody(route) ?? "{}",
      contentType: "text/plain",
    },
    {
      label: "a form-encoded body",
      body: "name=x&url=https%3A%2F%2Fexample.com",
      contentType: "application/x-www-form-urlencoded",
    },
    { label: "no content type", body: bytes(sampleBody(route) ?? "{}"), contentType: null },
    json("an empty body", ""),
    json("invalid UTF-8", new Uint8Array([0xff, 0xfe, 0x7b, 0x7d])),
  ];
}

// --- cases --------------------------------------------------------------------------------------

/** `client_error`: the input is wrong, so only a 4xx will do. `no_server_error`: anything < 500. */
type Expectation = "client_error" | "no_server_error";

interface HostileCase {
  name: string;
  method: HttpMethod;
  url: string;
  body?: Body;
  contentType?: string | null;
  expectation: Expectation;
}

const paramsOf = (route: Route) =>
  route.path
    .split("/")
    .filter((segment) => segment.startsWith(":"))
    .map((segment) => segment.slice(1));

function urlFor(route: Route, values: Record<string, string>, query = ""): string {
  const path = route.path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? (values[segment.slice(1)] ?? "") : segment))
    .join("/");
  return `${ORIGIN}${BASE}${path}${query}`;
}

const takesBody = (route: Route) => route.method !== "GET" && route.method !== "DELETE";

function casesFor(route: Route): HostileCase[] {
  const title = `${route.method} ${route.path}`;
  const params = paramsOf(route);
  const defaults = Object.fromEntries(params.map((param) => [param, plausible(param)[0] ?? ""]));
  const sample = sampleBody(route);
  const withSample = sample === undefined ? {} : { body: sample, contentType: "application/json" };
  const cases: HostileCase[] = [];

  for (const param of params) {
    for (const value of plausible(param)) {
      cases.push({
        name: `${title} — ${param} = ${value}`,
        method: route.method,
        url: urlFor(route, { ...defaults, [param]: value }),
        ...withSample,
        expectation: "no_server_error",
      });
    }
    for (const [label, segment] of hostileSegments) {
      cases.push({
        name: `${title} — ${param} = ${label}`,
        method: route.method,
        url: urlFor(route, { ...defaults, [param]: segment }),
        ...withSample,
        // No hostile value names anything, whatever the route.
        expectation: "client_error",
      });
    }
  }

  for (const [label, query] of hostileQueries) {
    cases.push({
      name: `${title} — ${label}`,
      method: route.method,
      url: urlFor(route, defaults, query),
      ...withSample,
      // List routes may ignore what they do not read.
      expectation: "no_server_error",
    });
  }

  if (takesBody(route)) {
    for (const input of bodyInputs(route)) {
      cases.push({
        name: `${title} — body: ${input.label}`,
        method: route.method,
        url: urlFor(route, defaults),
        body: input.body,
        contentType: input.contentType,
        expectation:
          bodySchemaOf(route) && !acceptedBy(route, input) ? "client_error" : "no_server_error",
      });
    }
  }
  return cases;
}

/** Whether the route's schema would take this body: JSON, as JSON, that it validates. */
function acceptedBy(route: Route, input: BodyInput): boolean {
  const schema = bodySchemaOf(route);
  if (!schema || input.contentType !== "application/json" || typeof input.body !== "string") {
    return false;
  }
  try {
    return schema.safeParse(JSON.parse(input.body)).success;
  } catch {
    return false;
  }
}

const routes = routesOf(builtinModules);
const cases = routes.flatMap(casesFor);

// --- requests and assertions --------------------------------------------------------------------

function send(
  method: string,
  url: string,
  init: { body?: Body; contentType?: string | null; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers = new Headers({ "x-user": "ada", ...init.headers });
  if (init.body !== undefined && init.contentType) headers.set("content-type", init.contentType);
  return plugboard.handler(new Request(url, { method, headers, body: init.body ?? null }));
}

async function expectHandled(response: Response, expectation: Expectation): Promise<void> {
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  const said = `answered ${response.status} ${type}: ${text.slice(0, 600)}`;

  expect(response.status, said).toBeLessThan(500);
  if (expectation === "client_error") expect(response.status, said).toBeGreaterThanOrEqual(400);
  expect(text, "a stack trace").not.toMatch(/^ {4}at /m);
  for (const secret of SECRETS) expect(text, "a secret").not.toContain(secret);
  // The OAuth callback answers its popup page: what it reflects must be escaped there.
  if (type.startsWith("text/html")) expect(text, said).not.toContain("<script>alert(1)");

  // Every other 4xx is problem+json.
  if (response.status >= 400 && !type.startsWith("text/html")) {
    expect(type, said).toBe(problemContentType);
    const problem = problemSchema.safeParse(JSON.parse(text));
    expect(problem.error, said).toBeUndefined();
    expect(problem.data?.status, said).toBe(response.status);
    expect(problem.data?.detail, said).toEqual(expect.any(String));
    // A detail may quote the input, clipped: a 5,000-character id does not come back whole.
    expect(problem.data?.detail.length, said).toBeLessThan(300);
  }
}

describe("every route in the route table", () => {
  it("gets cases of its own", () => {
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const prefix = `${route.method} ${route.path} — `;
      expect(cases.filter((item) => item.name.startsWith(prefix)).length).toBeGreaterThanOrEqual(
        hostileQueries.length,
      );
    }
  });
});

describe.each(backends.map((backend) => [backend.name, backend] as const))(
  "on the %s store",
  (_name, backend) => {
    let opened: OpenedBackend;
    beforeAll(async () => {
      opened = await backend.open();
      store = opened.store;
      plugboard = openKit(store);
      logger.error.mockClear();
    });
    afterAll(() => opened.close());

    describe("hostile input, as an admin of org_acme", () => {
      // `%s` and not `$name`: vitest cuts `$name` at 40 characters, and a failure must say which case.
      it.each(cases.map((item) => [item.name, item] as const))("%s", async (_name, item) => {
        const { method, url, body, contentType, expectation } = item;
        const init = body === undefined ? {} : { body, contentType: contentType ?? null };
        await expectHandled(await send(method, url, init), expectation);
      });
    });

    describe("the GitHub webhook receiver, with a valid signature", () => {
      const url = `${ORIGIN}${BASE}/providers/github/webhook`;
      let deliveries = 0;

      const sign = (body: Body) =>
        `sha256=${createHmac("sha256", GITHUB_WEBHOOK_SECRET).update(body).digest("hex")}`;

      const repository = { id: 101, full_name: "acme-inc/web" };
      const payloads: [label: string, body: string, parses: boolean][] = [
        ["malformed JSON", '{"action": ', false],
        ["an empty body", "", false],
        ["null", "null", true],
        ["a JSON array", "[]", true],
        ["a number", "42", true],
        ["a string", '"hello"', true],
        ["{}", "{}", true],
        ["a depth-5,000 nested object", deepObject(5000), true],
        ["a depth-100,000 nested array", deepArray(100_000), true],
        [
          "a pull request with fields of the wrong types",
          JSON.stringify({ action: 1, repository: "x", pull_request: { number: "1", title: [] } }),
          true,
        ],
        [
          "a pull request with a 200 KB title and a hostile head ref",
          JSON.stringify({
            action: "opened",
            repository,
            pull_request: {
              number: 1,
              title: `PLANE-1 ${"x".repeat(200_000)}`,
              html_url: "https://github.com/acme-inc/web/pull/1",
              state: "open",
              head: { ref: "../../%00ü🙂" },
            },
          }),
          true,
        ],
        [
          "a push whose commits are not an array",
          JSON.stringify({ repository, commits: { id: 1 } }),
          true,
        ],
      ];
      const events = ["pull_request", "push", "installation", "ping", "x".repeat(5000)];

      it.each(
        events.flatMap((event) =>
          payloads.map(
            ([label, body, parses]) =>
              [
                `${event.length > 40 ? "a 5,000-char event" : event} — ${label}`,
                event,
                body,
                parses,
              ] as const,
          ),
        ),
      )("%s", async (_name, event, body, parses) => {
        const response = await send("POST", url, {
          body,
          contentType: "application/json",
          headers: {
            "x-github-event": event,
            "x-github-delivery": `hostile-${++deliveries}`,
            "x-hub-signature-256": sign(body),
          },
        });
        // A verified body GitHub could never have sent is still its mistake: a 400, not a 500.
        await expectHandled(response, parses ? "no_server_error" : "client_error");
      });

      const headerCases: [label: string, headers: Record<string, string>, Expectation][] = [
        ["no X-GitHub-Delivery", { "x-github-event": "push" }, "client_error"],
        ["no X-GitHub-Event", { "x-github-delivery": "hostile-no-event" }, "client_error"],
        [
          "a 5,000-char delivery id",
          { "x-github-event": "push", "x-github-delivery": "d".repeat(5000) },
          "client_error",
        ],
        ["a signature of the wrong form", { "x-hub-signature-256": "sha256=zz" }, "client_error"],
        [
          "a signature with another secret",
          { "x-hub-signature-256": `sha256=${"0".repeat(64)}` },
          "client_error",
        ],
      ];

      it.each(headerCases)("headers: %s", async (_label, headers, expectation) => {
        const body = JSON.stringify({ repository, commits: [] });
        const response = await send("POST", url, {
          body,
          contentType: "application/json",
          headers: { "x-hub-signature-256": sign(body), ...headers },
        });
        await expectHandled(response, expectation);
      });
    });

    describe("after every hostile request", () => {
      it("stored no installation, webhook endpoint or API key for org_acme", async () => {
        expect(await store.installations.list("org_acme")).toEqual([]);
        expect(await store.webhooks.listEndpoints("org_acme")).toEqual([]);
        expect(await store.apiKeys.list("org_acme")).toEqual([]);
      });

      it("logged no unhandled error", () => {
        expect(logger.error).not.toHaveBeenCalled();
      });
    });
  },
);
