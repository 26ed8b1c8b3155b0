import {
  type Identity,
  type IntegrationList,
  installationSchema,
  integrationCatalog,
  integrationListSchema,
  integrationSchema,
  type Problem,
  problemSchema,
} from "@plugboard/core";
import { describe, expect, it, vi } from "vitest";
import { contextOf } from "./context";
import { generateEncryptionKey } from "./crypto/keyring";
import { installationRecord } from "./integrations/store/installations-conformance";
import type { Logger } from "./logger";
import { createPlugboard, type PlugboardOptions } from "./plugboard";
import { memoryStore } from "./stores/memory/memory-store";
import type { Store } from "./stores/types";
import { secretUrlContext } from "./webhooks/endpoint-url";

const NOW = Date.UTC(2025, 10, 24, 12, 0, 0);
const WEBHOOK_URL =
  "https://api.pumble.com/workspaces/w1/incomingWebhooks/postMessage/sEcReTtOkEn123";

const users: Record<string, Identity> = {
  ada: { userId: "usr_ada", organizationId: "org_acme", role: "admin" },
  grace: { userId: "usr_grace", organizationId: "org_acme", role: "member" },
  linus: { userId: "usr_linus", organizationId: "org_globex", role: "admin" },
};

interface CallInit {
  user?: keyof typeof users;
  /** Serialized as JSON unless it is already a string. */
  body?: unknown;
  contentType?: string | null;
  headers?: Record<string, string>;
}

function setup(options: Partial<PlugboardOptions> = {}) {
  const store = options.store ?? memoryStore();
  const logger = { warn: vi.fn(), error: vi.fn() } satisfies Logger;
  const plugboard = createPlugboard({
    store,
    authenticate: (request) => users[request.headers.get("x-user") ?? ""] ?? null,
    encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
    logger,
    now: () => NOW,
    // Offline: Pumble's host resolves to a public address, as it does on the internet.
    webhooks: { resolveHost: async () => ["93.184.216.34"] },
    ...options,
  });

  async function call(method: string, path: string, init: CallInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.user) headers.set("x-user", init.user);
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (init.body !== undefined) {
      const text = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
      if (init.contentType === null) {
        body = new TextEncoder().encode(text); // bytes: fetch adds no content type of its own
      } else {
        body = text;
        headers.set("content-type", init.contentType ?? "application/json");
      }
    }
    return plugboard.handler(new Request(`http://app.test${path}`, { method, headers, body }));
  }

  const install = (body: unknown = { webhookUrl: WEBHOOK_URL }, user: CallInit["user"] = "ada") =>
    call("POST", "/api/plugboard/integrations/pumble/installations", { user, body });

  return { plugboard, store, logger, call, install };
}

/** Asserts an RFC 9457 answer with Plugboard's code, and returns it parsed. */
async function expectProblem(response: Response, status: number, code: string): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = problemSchema.parse(await response.json());
  expect(problem.status).toBe(status);
  expect(problem.code).toBe(code);
  return problem;
}

async function storedIn(store: Store, organizationId = "org_acme") {
  return store.installations.list(organizationId);
}

describe("authentication", () => {
  it.each([
    ["GET", "/api/plugboard/integrations"],
    ["GET", "/api/plugboard/integrations/pumble"],
    ["POST", "/api/plugboard/integrations/pumble/installations"],
    ["DELETE", "/api/plugboard/integrations/pumble/installations/ins_x"],
  ])("answers %s %s without an identity with 401 unauthenticated", async (method, path) => {
    const { call, store } = setup();
    const response = await call(method, path, {
      ...(method === "POST" ? { body: { webhookUrl: WEBHOOK_URL } } : {}),
    });

    await expectProblem(response, 401, "unauthenticated");
    expect(await storedIn(store)).toEqual([]);
  });
});

describe("GET /integrations", () => {
  it("lists every catalog entry, none installed, for a new organization", async () => {
    const { call } = setup();
    const response = await call("GET", "/api/plugboard/integrations", { user: "ada" });

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const list = integrationListSchema.parse(await response.json());
    expect(list.data.map((entry) => entry.id)).toEqual(integrationCatalog.map((entry) => entry.id));
    for (const entry of list.data) {
      expect(entry.installed).toBe(false);
      expect(entry.installations).toEqual([]);
    }
  });

  it("shows Pumble installed, with its installation, once an admin installs it", async () => {
    const { call, install } = setup();
    const created = installationSchema.parse(await (await install()).json());

    const response = await call("GET", "/api/plugboard/integrations", { user: "grace" });
    const list = integrationListSchema.parse(await response.json());
    const pumble = list.data.find((entry) => entry.id === "pumble");
    expect(pumble?.installed).toBe(true);
    expect(pumble?.installations).toEqual([created]);
    expect(list.data.filter((entry) => entry.installed).map((entry) => entry.id)).toEqual([
      "pumble",
    ]);
  });

  it("never sends the webhook URL or its ciphertext", async () => {
    const { call, install, store } = setup();
    const installResponse = await install();
    const installBody = await installResponse.text();
    const [record] = await storedIn(store);
    const secret = record?.secret;
    if (!secret) throw new Error("expected an encrypted secret to be stored");

    const listBody = await (
      await call("GET", "/api/plugboard/integrations", { user: "ada" })
    ).text();
    const oneBody = await (
      await call("GET", "/api/plugboard/integrations/pumble", { user: "ada" })
    ).text();
    for (const body of [installBody, listBody, oneBody]) {
      expect(body).not.toContain("sEcReTtOkEn123");
      expect(body).not.toContain("incomingWebhooks");
      expect(body).not.toContain(secret);
      expect(body).not.toContain(secret.split(".")[3]);
      expect(body).not.toContain('"secret"');
    }
  });

  it("shows user-level installations only to the user who made them", async () => {
    const { call, store } = setup();
    await store.installations.create(
      installationRecord({ provider: "github", level: "user", installedBy: "usr_grace" }),
    );

    const asAda = integrationListSchema.parse(
      await (await call("GET", "/api/plugboard/integrations", { user: "ada" })).json(),
    );
    const asGrace = integrationListSchema.parse(
      await (await call("GET", "/api/plugboard/integrations", { user: "grace" })).json(),
    );
    const adaGithub = asAda.data.find((entry) => entry.id === "github");
    const graceGithub = asGrace.data.find((entry) => entry.id === "github");
    expect(adaGithub).toMatchObject({ installed: false, installations: [] });
    expect(graceGithub?.installed).toBe(true);
    expect(graceGithub?.installations.map((item) => item.installedBy)).toEqual(["usr_grace"]);

    const single = integrationSchema.parse(
      await (await call("GET", "/api/plugboard/integrations/github", { user: "ada" })).json(),
    );
    expect(single).toMatchObject({ installed: false, installations: [] });
  });

  it("shows organization-level installations made by someone else", async () => {
    const { call, store } = setup();
    await store.installations.create(
      installationRecord({ provider: "github", level: "organization", installedBy: "usr_ada" }),
    );

    const asGrace = integrationListSchema.parse(
      await (await call("GET", "/api/plugboard/integrations", { user: "grace" })).json(),
    );
    expect(asGrace.data.find((entry) => entry.id === "github")?.installed).toBe(true);
  });

  it("never shows another organization's installations", async () => {
    const { call, install } = setup();
    await install();

    const asLinus = integrationListSchema.parse(
      await (await call("GET", "/api/plugboard/integrations", { user: "linus" })).json(),
    );
    expect(asLinus.data.every((entry) => !entry.installed)).toBe(true);
  });

  it("says which integrations this deployment can install: configured OAuth apps, webhook ones, no importer yet", async () => {
    const bare = await setup().call("GET", "/api/plugboard/integrations", { user: "ada" });
    const availability = (list: IntegrationList) =>
      Object.fromEntries(list.data.map((entry) => [entry.id, entry.available]));
    expect(availability(integrationListSchema.parse(await bare.json()))).toEqual({
      github: false,
      slack: false,
      "google-calendar": false,
      pumble: true,
      jira: false,
    });

    const configured = await setup({
      providers: { github: { clientId: "id", clientSecret: "secret" } },
    }).call("GET", "/api/plugboard/integrations", { user: "ada" });
    const list = integrationListSchema.parse(await configured.json());
    expect(availability(list).github).toBe(true);
    // Nothing to click where nothing can work.
    expect(list.data.find((entry) => entry.id === "slack")?.permissions.install).toBe(false);
  });

  it("serves only the catalog the host passed", async () => {
    const pumbleOnly = integrationCatalog.filter((entry) => entry.id === "pumble");
    const { call } = setup({ catalog: pumbleOnly });

    const list = integrationListSchema.parse(
      await (await call("GET", "/api/plugboard/integrations", { user: "ada" })).json(),
    );
    expect(list.data.map((entry) => entry.id)).toEqual(["pumble"]);
    const github = await call("GET", "/api/plugboard/integrations/github", { user: "ada" });
    await expectProblem(github, 404, "not_found");
  });
});

describe("GET /integrations/:provider", () => {
  it("returns one entry with its installed state", async () => {
    const { call } = setup();
    const response = await call("GET", "/api/plugboard/integrations/pumble", { user: "grace" });

    expect(response.status).toBe(200);
    const pumble = integrationSchema.parse(await response.json());
    expect(pumble).toMatchObject({ id: "pumble", name: "Pumble", installed: false });
  });

  it("answers an unknown provider with 404", async () => {
    const { call } = setup();
    const response = await call("GET", "/api/plugboard/integrations/myspace", { user: "ada" });
    await expectProblem(response, 404, "not_found");
  });
});

describe("POST /integrations/pumble/installations", () => {
  it("installs Pumble for the organization and answers 201 with the installation", async () => {
    const { install, store } = setup();
    const response = await install();

    expect(response.status).toBe(201);
    const installation = installationSchema.parse(await response.json());
    expect(installation).toEqual({
      id: expect.stringMatching(/^ins_[0-9A-Za-z]{22}$/),
      provider: "pumble",
      organizationId: "org_acme",
      projectId: null,
      level: "organization",
      status: "active",
      externalAccountName: null,
      scopes: [],
      installedBy: "usr_ada",
      createdAt: new Date(NOW).toISOString(),
      updatedAt: new Date(NOW).toISOString(),
    });
    expect((await storedIn(store)).map((record) => record.id)).toEqual([installation.id]);
  });

  it("keeps the webhook URL only encrypted, in the endpoint the installation owns", async () => {
    const { install, store, plugboard } = setup();
    const { id } = installationSchema.parse(await (await install()).json());
    const record = await store.installations.get("org_acme", id);
    const [endpoint] = await store.webhooks.listEndpoints("org_acme");
    if (!record?.secret || !endpoint?.secretUrl) throw new Error("expected sealed records");

    const keyring = contextOf(plugboard).keyring;
    expect(JSON.parse(await keyring.decrypt(record.secret, id))).toEqual({
      endpointId: endpoint.id,
    });
    await expect(keyring.decrypt(record.secret, "ins_someOtherRow")).rejects.toThrow();
    expect(await keyring.decrypt(endpoint.secretUrl, secretUrlContext(endpoint.id))).toBe(
      WEBHOOK_URL,
    );
    const stored = JSON.stringify([record, endpoint]);
    expect(stored).not.toContain("sEcReTtOkEn123");
  });

  it("delivers every event to Pumble through a webhook endpoint of its own", async () => {
    const { install, plugboard, store, call } = setup();
    expect((await install()).status).toBe(201);

    const [endpoint, ...others] = await store.webhooks.listEndpoints("org_acme");
    expect(others).toEqual([]);
    // The URL is Pumble's credential: stored masked, and in full only encrypted.
    expect(endpoint).toMatchObject({
      url: "https://api.pumble.com/…n123",
      destination: "pumble",
      eventMode: "all",
      projectId: null,
      enabled: true,
    });
    // An admin sees it with the other endpoints, and its delivery log, in the webhooks API.
    const listed = await call("GET", "/api/plugboard/webhooks/endpoints", { user: "ada" });
    expect(JSON.stringify(await listed.json())).toContain(endpoint?.id);
    await plugboard.events.publish({
      organizationId: "org_acme",
      type: "issue.created",
      data: { id: "ISS-1", title: "Broken build" },
    });
    const messages = await call(
      "GET",
      `/api/plugboard/webhooks/endpoints/${endpoint?.id}/messages`,
      { user: "ada" },
    );
    expect((await messages.json()).data).toMatchObject([{ eventType: "issue.created" }]);
  });

  it("refuses a Pumble URL whose host resolves to a private address, and stores nothing", async () => {
    const { install, store } = setup({ webhooks: { resolveHost: async () => ["10.1.2.3"] } });

    const problem = await expectProblem(await install(), 400, "validation_failed");
    expect(problem.errors?.[0]).toMatchObject({ path: "webhookUrl" });
    expect(await storedIn(store)).toEqual([]);
    expect(await store.webhooks.listEndpoints("org_acme")).toEqual([]);
  });

  it("removes the installation again when its endpoint cannot be stored", async () => {
    const store = memoryStore();
    store.webhooks.createEndpoint = async () => {
      throw new Error("disk full");
    };
    const { install } = setup({ store });

    expect((await install()).status).toBe(500);
    expect(await storedIn(store)).toEqual([]);
  });

  it("installs at the project level when a projectId is given", async () => {
    const { install } = setup();
    const response = await install({ webhookUrl: WEBHOOK_URL, projectId: "prj_web" });

    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ level: "project", projectId: "prj_web" });
  });

  it("accepts a JSON content type with parameters", async () => {
    const { call } = setup();
    const response = await call("POST", "/api/plugboard/integrations/pumble/installations", {
      user: "ada",
      body: { webhookUrl: WEBHOOK_URL },
      contentType: "application/json; charset=utf-8",
    });
    expect(response.status).toBe(201);
  });

  it("answers a second install at the same place with 409 and keeps one", async () => {
    const { install, store } = setup();
    expect((await install()).status).toBe(201);

    const again = await install({ webhookUrl: `${WEBHOOK_URL}-other` });
    await expectProblem(again, 409, "conflict");
    expect(await storedIn(store)).toHaveLength(1);
    expect(await store.webhooks.listEndpoints("org_acme")).toHaveLength(1);
  });

  it("allows one install per project", async () => {
    const { install, store } = setup();
    expect((await install({ webhookUrl: WEBHOOK_URL, projectId: "prj_web" })).status).toBe(201);
    expect((await install({ webhookUrl: WEBHOOK_URL, projectId: "prj_api" })).status).toBe(201);
    await expectProblem(
      await install({ webhookUrl: WEBHOOK_URL, projectId: "prj_web" }),
      409,
      "conflict",
    );
    expect(await storedIn(store)).toHaveLength(2);
  });

  describe("refuses bad input and stores nothing", () => {
    it("answers malformed JSON with 400 validation_failed", async () => {
      const { call, store } = setup();
      const response = await call("POST", "/api/plugboard/integrations/pumble/installations", {
        user: "ada",
        body: '{"webhookUrl": "https://api.pumble.com/x",',
      });

      await expectProblem(response, 400, "validation_failed");
      expect(await storedIn(store)).toEqual([]);
    });

    it("answers an empty JSON body with 400 validation_failed", async () => {
      const { call, store } = setup();
      const response = await call("POST", "/api/plugboard/integrations/pumble/installations", {
        user: "ada",
        body: "",
      });

      await expectProblem(response, 400, "validation_failed");
      expect(await storedIn(store)).toEqual([]);
    });

    it.each([
      ["text/plain", "text/plain"],
      ["form encoding", "application/x-www-form-urlencoded"],
      ["a json-looking type", "application/jsonp"],
    ])("answers %s with 415 unsupported_media_type", async (_label, contentType) => {
      const { call, store } = setup();
      const response = await call("POST", "/api/plugboard/integrations/pumble/installations", {
        user: "ada",
        body: { webhookUrl: WEBHOOK_URL },
        contentType,
      });

      await expectProblem(response, 415, "unsupported_media_type");
      expect(await storedIn(store)).toEqual([]);
    });

    it("answers a body without a content type with 415", async () => {
      const { call, store } = setup();
      const response = await call("POST", "/api/plugboard/integrations/pumble/installations", {
        user: "ada",
        body: { webhookUrl: WEBHOOK_URL },
        contentType: null,
      });

      await expectProblem(response, 415, "unsupported_media_type");
      expect(await storedIn(store)).toEqual([]);
    });

    it.each<[string, unknown]>([
      ["a missing webhookUrl", {}],
      ["a webhookUrl that is not a URL", { webhookUrl: "pumble webhook please" }],
      ["a webhookUrl that is not a string", { webhookUrl: 42 }],
    ])("answers %s with 400 and a webhookUrl field error", async (_label, body) => {
      const { install, store } = setup();
      const problem = await expectProblem(await install(body), 400, "validation_failed");

      expect(problem.errors?.map((error) => error.path)).toEqual(["webhookUrl"]);
      expect(problem.errors?.[0]?.message).toBeTruthy();
      expect(await storedIn(store)).toEqual([]);
    });

    it.each<[string, unknown]>([
      ["an array", [WEBHOOK_URL]],
      ["null", null],
      ["a string", WEBHOOK_URL],
    ])("answers a JSON body that is %s with 400", async (_label, value) => {
      const { install, store } = setup();
      await expectProblem(await install(JSON.stringify(value)), 400, "validation_failed");
      expect(await storedIn(store)).toEqual([]);
    });

    it("answers an http:// URL with 400 on webhookUrl", async () => {
      const { install, store } = setup();
      const problem = await expectProblem(
        await install({ webhookUrl: WEBHOOK_URL.replace("https:", "http:") }),
        400,
        "validation_failed",
      );
      expect(problem.errors?.map((error) => error.path)).toEqual(["webhookUrl"]);
      expect(await storedIn(store)).toEqual([]);
    });

    it.each([
      "https://hooks.slack.com/services/T000/B000/XXXX",
      "https://notpumble.com/incomingWebhooks/x",
      "https://api.pumble.com.evil.example/incomingWebhooks/x",
      "https://api.pumble.com@evil.example/incomingWebhooks/x",
      "https://evil.example/?next=api.pumble.com",
      "https://127.0.0.1/pumble.com",
    ])("answers the non-Pumble URL %s with 400 on webhookUrl", async (webhookUrl) => {
      const { install, store } = setup();
      const problem = await expectProblem(await install({ webhookUrl }), 400, "validation_failed");
      expect(problem.errors?.map((error) => error.path)).toEqual(["webhookUrl"]);
      expect(await storedIn(store)).toEqual([]);
    });

    it("answers an empty projectId with 400 on projectId", async () => {
      const { install, store } = setup();
      const problem = await expectProblem(
        await install({ webhookUrl: WEBHOOK_URL, projectId: "" }),
        400,
        "validation_failed",
      );
      expect(problem.errors?.map((error) => error.path)).toEqual(["projectId"]);
      expect(await storedIn(store)).toEqual([]);
    });

    it("refuses to install an OAuth integration from a webhook URL", async () => {
      const { call, store } = setup();
      const response = await call("POST", "/api/plugboard/integrations/github/installations", {
        user: "ada",
        body: { webhookUrl: WEBHOOK_URL },
      });

      const problem = await expectProblem(response, 400, "validation_failed");
      expect(problem.errors?.map((error) => error.path)).toEqual(["provider"]);
      expect(await storedIn(store)).toEqual([]);
    });

    it("answers an unknown provider with 404", async () => {
      const { call, store } = setup();
      const response = await call("POST", "/api/plugboard/integrations/myspace/installations", {
        user: "ada",
        body: { webhookUrl: WEBHOOK_URL },
      });

      await expectProblem(response, 404, "not_found");
      expect(await storedIn(store)).toEqual([]);
    });
  });
});

describe("DELETE /integrations/:provider/installations/:id", () => {
  it("removes the installation and its endpoint: 204, then 404, and it shows uninstalled", async () => {
    const { call, install, store } = setup();
    const { id } = installationSchema.parse(await (await install()).json());
    const path = `/api/plugboard/integrations/pumble/installations/${id}`;

    const first = await call("DELETE", path, { user: "ada" });
    expect(first.status).toBe(204);
    expect(await first.text()).toBe("");
    expect(await storedIn(store)).toEqual([]);
    expect(await store.webhooks.listEndpoints("org_acme")).toEqual([]);

    await expectProblem(await call("DELETE", path, { user: "ada" }), 404, "not_found");
    const pumble = integrationSchema.parse(
      await (await call("GET", "/api/plugboard/integrations/pumble", { user: "ada" })).json(),
    );
    expect(pumble.installed).toBe(false);
  });

  it("answers 404 and keeps the installation when the provider in the path is another one", async () => {
    const { call, install, store } = setup();
    const { id } = installationSchema.parse(await (await install()).json());

    const response = await call("DELETE", `/api/plugboard/integrations/slack/installations/${id}`, {
      user: "ada",
    });
    await expectProblem(response, 404, "not_found");
    expect(await storedIn(store)).toHaveLength(1);
  });

  it("answers 404 to an admin of another organization and keeps the installation", async () => {
    const { call, install, store } = setup();
    const { id } = installationSchema.parse(await (await install()).json());

    const response = await call(
      "DELETE",
      `/api/plugboard/integrations/pumble/installations/${id}`,
      {
        user: "linus",
      },
    );
    await expectProblem(response, 404, "not_found");
    expect(await storedIn(store)).toHaveLength(1);
  });
});

describe("roles", () => {
  it("lets a member read", async () => {
    const { call } = setup();
    expect((await call("GET", "/api/plugboard/integrations", { user: "grace" })).status).toBe(200);
    expect(
      (await call("GET", "/api/plugboard/integrations/pumble", { user: "grace" })).status,
    ).toBe(200);
  });

  it("forbids a member to install, and stores nothing", async () => {
    const { install, store } = setup();
    await expectProblem(await install({ webhookUrl: WEBHOOK_URL }, "grace"), 403, "forbidden");
    expect(await storedIn(store)).toEqual([]);
  });

  it("forbids a member to uninstall, and keeps the installation", async () => {
    const { call, install, store } = setup();
    const { id } = installationSchema.parse(await (await install()).json());

    const response = await call(
      "DELETE",
      `/api/plugboard/integrations/pumble/installations/${id}`,
      {
        user: "grace",
      },
    );
    await expectProblem(response, 403, "forbidden");
    expect(await storedIn(store)).toHaveLength(1);
  });
});

describe("routing", () => {
  it.each([
    "/api/plugboard",
    "/api/plugboard/",
    "/api/plugboard/nope",
    "/api/plugboard/integrations/pumble/installations/ins_x/extra",
  ])("answers the unknown path %s with 404", async (path) => {
    const { call } = setup();
    await expectProblem(await call("GET", path, { user: "ada" }), 404, "not_found");
  });

  it.each([
    ["PUT", "/api/plugboard/integrations", "GET"],
    ["POST", "/api/plugboard/integrations", "GET"],
    ["DELETE", "/api/plugboard/integrations/pumble", "GET"],
    ["GET", "/api/plugboard/integrations/pumble/installations", "POST"],
    ["PATCH", "/api/plugboard/integrations/pumble/installations/ins_x", "DELETE"],
  ])("answers %s %s with 405 and Allow: %s", async (method, path, allow) => {
    const { call } = setup();
    const response = await call(method, path, { user: "ada" });
    await expectProblem(response, 405, "method_not_allowed");
    expect(response.headers.get("allow")).toBe(allow);
  });

  it.each([
    "/integrations",
    "/api/integrations",
    "/api/plugboardx/integrations",
    "/api/plugboardintegrations",
    "/api/other/plugboard/integrations",
  ])("answers %s, outside the mount path, with 404", async (path) => {
    const { call } = setup();
    await expectProblem(await call("GET", path, { user: "ada" }), 404, "not_found");
  });

  it("serves under a custom basePath, normalizing slashes, and not under the default", async () => {
    const { call, plugboard } = setup({ basePath: "settings/plugboard/" });
    expect(plugboard.basePath).toBe("/settings/plugboard");

    expect((await call("GET", "/settings/plugboard/integrations", { user: "ada" })).status).toBe(
      200,
    );
    const installed = await call("POST", "/settings/plugboard/integrations/pumble/installations", {
      user: "ada",
      body: { webhookUrl: WEBHOOK_URL },
    });
    expect(installed.status).toBe(201);
    await expectProblem(
      await call("GET", "/api/plugboard/integrations", { user: "ada" }),
      404,
      "not_found",
    );
  });

  it("serves at the root when basePath is /", async () => {
    const { call, plugboard } = setup({ basePath: "/" });
    expect(plugboard.basePath).toBe("");
    expect((await call("GET", "/integrations", { user: "ada" })).status).toBe(200);
  });

  it("decodes percent-encoded path parameters", async () => {
    const { call } = setup();
    const response = await call("GET", "/api/plugboard/integrations/%70umble", { user: "ada" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: "pumble" });
  });
});

describe("unexpected failures", () => {
  /** A store whose every method fails the way a broken database would. */
  function brokenStore(message: string): Store {
    const store = memoryStore();
    const fail = async (): Promise<never> => {
      throw new Error(message);
    };
    return {
      ...store,
      installations: { ...store.installations, list: fail, get: fail, create: fail, delete: fail },
    };
  }

  it("answers a non-Plugboard error with 500 internal_error without its message", async () => {
    const message = "connection to db-primary.internal:5432 refused (password=hunter2)";
    const { call, logger } = setup({ store: brokenStore(message) });

    const response = await call("GET", "/api/plugboard/integrations", { user: "ada" });

    const problem = await expectProblem(response, 500, "internal_error");
    expect(JSON.stringify(problem)).not.toContain("hunter2");
    expect(JSON.stringify(problem)).not.toContain("db-primary");
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0]?.[1]).toMatchObject({
      method: "GET",
      path: "/api/plugboard/integrations",
    });
  });

  it("logs a failed install without its body, headers or query", async () => {
    const { call, logger } = setup({ store: brokenStore("disk full") });

    const response = await call(
      "POST",
      "/api/plugboard/integrations/pumble/installations?session=qUeRySeCrEt",
      {
        user: "ada",
        body: { webhookUrl: WEBHOOK_URL },
        headers: { authorization: "Bearer hEaDeRsEcReT", cookie: "sid=cOoKiEsEcReT" },
      },
    );

    const problem = await expectProblem(response, 500, "internal_error");
    expect(JSON.stringify(problem)).not.toContain("disk full");
    expect(logger.error).toHaveBeenCalledTimes(1);
    const logged = JSON.stringify([logger.error.mock.calls, logger.warn.mock.calls]);
    for (const secret of ["sEcReTtOkEn123", "pumble.com", "hEaDeRsEcReT", "cOoKiEsEcReT"]) {
      expect(logged).not.toContain(secret);
    }
    expect(logged).not.toContain("qUeRySeCrEt");
  });

  it("answers a malformed identity from authenticate with 500, leaking nothing", async () => {
    const { call, store } = setup({
      authenticate: () =>
        ({ userId: "usr_ada", organizationId: "", role: "superuser" }) as unknown as Identity,
    });

    const response = await call("POST", "/api/plugboard/integrations/pumble/installations", {
      body: { webhookUrl: WEBHOOK_URL },
    });

    const problem = await expectProblem(response, 500, "internal_error");
    const text = JSON.stringify(problem);
    expect(text).not.toContain("superuser");
    expect(text).not.toContain("identity");
    expect(text).not.toContain("organizationId");
    expect(await storedIn(store, "")).toEqual([]);
  });

  it("answers an authenticate that throws with 500, leaking nothing", async () => {
    const { call } = setup({
      authenticate: () => {
        throw new Error("session store unreachable at redis://secret-host");
      },
    });

    const response = await call("GET", "/api/plugboard/integrations");

    const problem = await expectProblem(response, 500, "internal_error");
    expect(JSON.stringify(problem)).not.toContain("secret-host");
  });

  it("never caches answers", async () => {
    const { call } = setup();
    const ok = await call("GET", "/api/plugboard/integrations", { user: "ada" });
    const denied = await call("GET", "/api/plugboard/integrations");
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(denied.headers.get("cache-control")).toBe("no-store");
  });
});

describe("the body cap on the handler itself (mounted without the Node adapter)", () => {
  const big = JSON.stringify({ name: "x".repeat(2 * 1024 * 1024), scopes: ["issues:read"] });

  it("answers 413 problem+json for a body over 1 MiB by default, and creates nothing", async () => {
    const { call, store } = setup();
    const response = await call("POST", "/api/plugboard/api-keys", { user: "ada", body: big });
    const problem = await expectProblem(response, 413, "payload_too_large");
    expect(problem.detail).toBe("Request bodies are limited to 1048576 bytes");
    expect(await store.apiKeys.list("org_acme")).toEqual([]);
  });

  it("stops reading a streamed body without Content-Length once it passes maxBodyBytes", async () => {
    const { plugboard, store } = setup({ maxBodyBytes: 64 });
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        // An endless body: only the cap ends it.
        controller.enqueue(new TextEncoder().encode(`{"name":"${"y".repeat(40)}`));
      },
    });
    const response = await plugboard.handler(
      new Request("http://app.test/api/plugboard/api-keys", {
        method: "POST",
        headers: { "x-user": "ada", "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    await expectProblem(response, 413, "payload_too_large");
    expect(pulled).toBeLessThan(5);
    expect(await store.apiKeys.list("org_acme")).toEqual([]);
  });

  it("caps provider webhooks too, before checking their signature", async () => {
    const { call } = setup({
      maxBodyBytes: 1024,
      providers: { github: { clientId: "x", clientSecret: "y", webhookSecret: "s" } },
    });
    const response = await call("POST", "/api/plugboard/providers/github/webhook", {
      body: { padding: "z".repeat(4096) },
      headers: { "x-github-event": "push", "x-github-delivery": "d1" },
    });
    await expectProblem(response, 413, "payload_too_large");
  });
});
