import {
  createdWebhookEndpointSchema,
  problemSchema,
  verifyWebhook,
  webhookAttemptListSchema,
  webhookAttemptSchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookMessageListSchema,
} from "@plugboard/core";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { contextOf } from "../context";
import { setupWebhooks, startReceiver } from "./webhooks.test-harness";

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
let receivers: Receiver[] = [];

async function receiver(...args: Parameters<typeof startReceiver>) {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  receivers = [];
});

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe("outgoing webhooks: delivery", () => {
  it("delivers a published event that the standardwebhooks package verifies", async () => {
    const target = await receiver();
    const kit = setupWebhooks({ now: Date.now });
    const { endpoint, secret } = await kit.createEndpoint({
      url: target.url,
      eventMode: "individual",
      events: ["issue.created"],
    });
    const published = await kit.plugboard.events.publish({
      organizationId: "org_acme",
      type: "issue.created",
      data: { id: "iss_1", title: "Login is broken" },
    });
    expect(published).toMatchObject({ duplicate: false, messages: 1 });
    // Not subscribed: written nowhere.
    await kit.plugboard.events.publish({
      organizationId: "org_acme",
      type: "issue.deleted",
      data: {},
    });

    expect(await kit.plugboard.dispatcher.runDue()).toEqual({
      claimed: 1,
      delivered: 1,
      failed: 0,
    });
    expect(target.received).toHaveLength(1);
    const [request] = target.received;
    const headers = Object.fromEntries(
      Object.entries(request?.headers ?? {}).map(([k, v]) => [k, String(v)]),
    );
    const payload = new Webhook(secret).verify(request?.body ?? "", headers) as Record<
      string,
      unknown
    >;
    expect(payload).toMatchObject({ type: "issue.created", data: { id: "iss_1" } });
    expect(headers["webhook-id"]).toMatch(/^msg_/);

    const attempts = webhookAttemptListSchema.parse(
      await (await kit.call("GET", `/webhooks/endpoints/${endpoint.id}/attempts`, "grace")).json(),
    );
    expect(attempts.data).toEqual([
      expect.objectContaining({ status: "succeeded", responseStatus: 204, nextRetryAt: null }),
    ]);
  });

  it("retries on the schedule with a fake clock, keeping the webhook-id, then gives up", async () => {
    const target = await receiver(() => ({ status: 500, body: "x".repeat(10_000) }));
    const kit = setupWebhooks({ webhooks: { disableAfter: false } });
    const { endpoint } = await kit.createEndpoint({ url: target.url });
    await kit.plugboard.events.publish({
      organizationId: "org_acme",
      type: "issue.created",
      data: {},
    });

    const start = kit.now();
    const delays = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];
    await kit.plugboard.dispatcher.runDue();
    for (const delay of delays) {
      kit.advance(delay - 1);
      expect((await kit.plugboard.dispatcher.runDue()).claimed, "not due yet").toBe(0);
      kit.advance(1);
      expect((await kit.plugboard.dispatcher.runDue()).claimed).toBe(1);
    }
    kit.advance(100 * HOUR);
    expect((await kit.plugboard.dispatcher.runDue()).claimed).toBe(0);

    expect(target.received).toHaveLength(8);
    expect(new Set(target.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    const messages = webhookMessageListSchema.parse(
      await (await kit.call("GET", `/webhooks/endpoints/${endpoint.id}/messages`)).json(),
    );
    expect(messages.data[0]).toMatchObject({
      status: "failed",
      attemptCount: 8,
      nextAttemptAt: null,
    });
    const attempts = webhookAttemptListSchema.parse(
      await (await kit.call("GET", `/webhooks/endpoints/${endpoint.id}/attempts`)).json(),
    );
    expect(attempts.data).toHaveLength(8);
    expect(attempts.data[0]?.responseBody).toHaveLength(4096);
    expect(attempts.data[0]?.nextRetryAt).toBeNull();
    // The first attempt's log says when the second is due.
    expect(attempts.data[7]?.nextRetryAt).toBe(new Date(start + 5 * SECOND).toISOString());
  });

  it("waits as long as Retry-After asks rather than the 5 s of the schedule", async () => {
    const target = await receiver(() => ({ status: 503, headers: { "retry-after": "120" } }));
    const kit = setupWebhooks();
    await kit.createEndpoint({ url: target.url });
    await kit.plugboard.events.publish({
      organizationId: "org_acme",
      type: "issue.created",
      data: {},
    });
    await kit.plugboard.dispatcher.runDue();
    kit.advance(119 * SECOND);
    expect((await kit.plugboard.dispatcher.runDue()).claimed).toBe(0);
    kit.advance(SECOND);
    expect((await kit.plugboard.dispatcher.runDue()).claimed).toBe(1);
  });

  it("does not follow a redirect: a 3xx is a failed attempt", async () => {
    const target = await receiver((request) =>
      request.headers["webhook-id"]
        ? { status: 302, headers: { location: "/elsewhere" } }
        : { status: 200 },
    );
    const kit = setupWebhooks();
    const { endpoint } = await kit.createEndpoint({ url: target.url });
    const attempt = webhookAttemptSchema.parse(
      await (await kit.call("POST", `/webhooks/endpoints/${endpoint.id}/test`, "ada", {})).json(),
    );
    expect(attempt).toMatchObject({
      status: "failed",
      responseStatus: 302,
      error: "redirect_not_followed",
    });
    expect(target.received).toHaveLength(1);
  });

  it("sends no test to a disabled endpoint, and logs nothing for it", async () => {
    const target = await receiver();
    const kit = setupWebhooks();
    const { endpoint } = await kit.createEndpoint({ url: target.url });
    await kit.call("PATCH", `/webhooks/endpoints/${endpoint.id}`, "ada", { enabled: false });
    const refused = await kit.call("POST", `/webhooks/endpoints/${endpoint.id}/test`, "ada", {});
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      code: "conflict",
      detail: "This endpoint is disabled: enable it to send it a test",
    });
    expect(target.received).toHaveLength(0);
    const messages = await kit.call("GET", `/webhooks/endpoints/${endpoint.id}/messages`, "ada");
    expect((await messages.json()).data).toEqual([]);
  });

  it("disables an endpoint that answers 410 Gone and announces it to the others", async () => {
    const gone = await receiver(() => ({ status: 410 }));
    const watcher = await receiver();
    const kit = setupWebhooks();
    const { endpoint } = await kit.createEndpoint({ url: gone.url });
    await kit.createEndpoint({
      url: watcher.url,
      eventMode: "individual",
      events: ["endpoint.disabled"],
    });
    await kit.plugboard.events.publish({
      organizationId: "org_acme",
      type: "issue.created",
      data: {},
    });
    await kit.plugboard.dispatcher.runDue();
    await kit.plugboard.dispatcher.runDue();

    const view = webhookEndpointSchema.parse(
      await (await kit.call("GET", `/webhooks/endpoints/${endpoint.id}`)).json(),
    );
    expect(view).toMatchObject({ enabled: false, disabledReason: "gone" });
    expect(watcher.received.map((r) => JSON.parse(r.body))).toEqual([
      expect.objectContaining({
        type: "endpoint.disabled",
        data: expect.objectContaining({ endpointId: endpoint.id, reason: "gone" }),
      }),
    ]);
    // Nothing more goes to it.
    await kit.plugboard.events.publish({
      organizationId: "org_acme",
      type: "issue.created",
      data: {},
    });
    await kit.plugboard.dispatcher.runDue();
    expect(gone.received).toHaveLength(1);
  });

  it("disables an endpoint after N failures in a row over the window, once", async () => {
    const failing = await receiver(() => ({ status: 500 }));
    const watcher = await receiver();
    const kit = setupWebhooks({
      webhooks: { disableAfter: { failures: 3, windowMs: 10 * MINUTE } },
    });
    const { endpoint } = await kit.createEndpoint({
      url: failing.url,
      eventMode: "individual",
      events: ["issue.created"],
    });
    await kit.createEndpoint({
      url: watcher.url,
      eventMode: "individual",
      events: ["endpoint.disabled"],
    });
    for (let i = 0; i < 3; i++) {
      await kit.plugboard.events.publish({
        organizationId: "org_acme",
        type: "issue.created",
        data: { i },
      });
    }
    await kit.plugboard.dispatcher.runDue();
    // Three failures, but not yet for ten minutes: a blip during a deploy disables nothing.
    expect(
      (await contextOf(kit.plugboard).store.webhooks.getEndpoint("org_acme", endpoint.id))?.enabled,
    ).toBe(true);
    kit.advance(10 * MINUTE);
    await kit.plugboard.dispatcher.runDue();
    const view = webhookEndpointSchema.parse(
      await (await kit.call("GET", `/webhooks/endpoints/${endpoint.id}`)).json(),
    );
    expect(view).toMatchObject({ enabled: false, disabledReason: "failing" });
    expect(view.health).toMatchObject({ lastDeliveryStatus: "failed", failureRate: 1 });
    await kit.plugboard.dispatcher.runDue();
    expect(watcher.received.filter((r) => r.body.includes("endpoint.disabled"))).toHaveLength(1);

    // Re-enabled, it starts with a clean slate.
    const enabled = webhookEndpointSchema.parse(
      await (
        await kit.call("PATCH", `/webhooks/endpoints/${endpoint.id}`, "ada", { enabled: true })
      ).json(),
    );
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null });
    expect(enabled.health.consecutiveFailures).toBe(0);
  });

  it("signs with both secrets during a rotation's grace period, then only the new one", async () => {
    const target = await receiver();
    const kit = setupWebhooks();
    const { endpoint, secret: oldSecret } = await kit.createEndpoint({ url: target.url });
    const rotated = createdWebhookEndpointSchema.parse(
      await (
        await kit.call("POST", `/webhooks/endpoints/${endpoint.id}/rotate-secret`, "ada", {
          gracePeriodSeconds: 3600,
        })
      ).json(),
    );
    expect(rotated.secret).not.toBe(oldSecret);
    expect(rotated.endpoint.previousSecretExpiresAt).toBe(new Date(kit.now() + HOUR).toISOString());

    const send = async () => {
      await kit.plugboard.events.publish({
        organizationId: "org_acme",
        type: "issue.created",
        data: {},
      });
      await kit.plugboard.dispatcher.runDue();
      return target.received.at(-1) as (typeof target.received)[number];
    };
    const verifies = (secret: string, request: (typeof target.received)[number]) =>
      verifyWebhook(secret, request.headers, request.body, {
        now: Math.floor(kit.now() / 1000),
      }).then(
        () => true,
        () => false,
      );

    const during = await send();
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(await verifies(oldSecret, during)).toBe(true);
    expect(await verifies(rotated.secret, during)).toBe(true);

    kit.advance(HOUR + SECOND);
    const after = await send();
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(await verifies(oldSecret, after)).toBe(false);
    expect(await verifies(rotated.secret, after)).toBe(true);
  });

  it("writes an event once per idempotency key and refuses an oversized payload", async () => {
    const target = await receiver();
    const kit = setupWebhooks();
    const { endpoint } = await kit.createEndpoint({ url: target.url });
    const event = {
      organizationId: "org_acme",
      type: "issue.created" as const,
      data: {},
      idempotencyKey: "iss_1:created",
    };
    const first = await kit.plugboard.events.publish(event);
    const second = await kit.plugboard.events.publish(event);
    expect(second).toEqual({ eventId: first.eventId, duplicate: true, messages: 0 });

    await expect(
      kit.plugboard.events.publish({
        organizationId: "org_acme",
        type: "issue.created",
        data: { blob: "x".repeat(300 * 1024) },
      }),
    ).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
    await expect(
      kit.plugboard.events.publish({
        organizationId: "org_acme",
        type: "issue.exploded" as "issue.created",
        data: {},
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    const messages = await contextOf(kit.plugboard).store.webhooks.listMessages(
      "org_acme",
      endpoint.id,
      { limit: 10 },
    );
    expect(messages).toHaveLength(1);
  });

  it("resends one message with its webhook-id and recovers failed ones after an outage", async () => {
    const target = await receiver(() => ({ status: 500 }));
    const kit = setupWebhooks({ webhooks: { retrySchedule: [0], disableAfter: false } });
    const { endpoint } = await kit.createEndpoint({ url: target.url });
    const since = new Date(kit.now()).toISOString();
    for (let i = 0; i < 3; i++) {
      await kit.plugboard.events.publish({
        organizationId: "org_acme",
        type: "issue.created",
        data: { i },
      });
    }
    await kit.plugboard.dispatcher.runDue();
    const failed = webhookMessageListSchema.parse(
      await (
        await kit.call("GET", `/webhooks/endpoints/${endpoint.id}/messages?status=failed`)
      ).json(),
    );
    expect(failed.data).toHaveLength(3);

    target.reply(() => ({ status: 200 }));
    kit.advance(SECOND);
    const one = failed.data[0]?.id as string;
    expect(
      (
        await kit.call("POST", `/webhooks/endpoints/${endpoint.id}/resend`, "grace", {
          messageId: one,
        })
      ).status,
    ).toBe(403);
    const resent = await kit.call("POST", `/webhooks/endpoints/${endpoint.id}/resend`, "ada", {
      messageId: one,
    });
    expect(resent.status).toBe(202);
    await kit.plugboard.dispatcher.runDue();
    expect(target.received.at(-1)?.headers["webhook-id"]).toBe(one);

    kit.advance(MINUTE);
    const recovered = await kit.call("POST", `/webhooks/endpoints/${endpoint.id}/recover`, "ada", {
      since,
    });
    expect(await recovered.json()).toEqual({ recovered: 2 });
    expect(await kit.plugboard.dispatcher.runDue()).toMatchObject({ claimed: 2, delivered: 2 });
    const attempts = webhookAttemptListSchema.parse(
      await (
        await kit.call("GET", `/webhooks/endpoints/${endpoint.id}/attempts?messageId=${one}`)
      ).json(),
    );
    expect(attempts.data.map((a) => [a.status, a.trigger])).toEqual([
      ["succeeded", "manual"],
      ["failed", "scheduled"],
    ]);
  });

  it("sends chat destinations a readable text message instead of signed JSON", async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    const kit = setupWebhooks({
      webhooks: {
        resolveHost: async () => ["93.184.216.34"],
        fetch: async (url, init) => {
          requests.push({ url: String(url), init: init ?? {} });
          return new Response("ok");
        },
      },
    });
    await kit.createEndpoint({
      url: "https://api.pumble.com/workspaces/w/incomingWebhooks/postMessage/t",
      destination: "pumble",
    });
    await kit.createEndpoint({
      url: "https://hooks.slack.com/services/T/B/x",
      destination: "slack",
    });
    await kit.plugboard.events.publish({
      organizationId: "org_acme",
      type: "issue.created",
      data: { title: "Login is broken", url: "https://app.test/i/1" },
    });
    await kit.plugboard.dispatcher.runDue();
    expect(requests).toHaveLength(2);
    for (const { init } of requests) {
      const body = JSON.parse(String(init.body));
      expect(body.text).toContain("Login is broken");
      expect(body.text).toContain("An issue was created.");
      expect(new Headers(init.headers).has("webhook-signature")).toBe(false);
    }
  });
});

describe("outgoing webhooks: chat destination URLs are credentials", () => {
  const token = "xT0kEnSecret9f8e";
  const pumbleUrl = `https://api.pumble.com/workspaces/w/incomingWebhooks/postMessage/${token}`;

  function chatKit() {
    const requests: string[] = [];
    const kit = setupWebhooks({
      webhooks: {
        resolveHost: async () => ["93.184.216.34"],
        fetch: async (url) => {
          requests.push(String(url));
          return new Response("ok");
        },
      },
    });
    const deliver = async () => {
      await kit.plugboard.events.publish({
        organizationId: "org_acme",
        type: "issue.created",
        data: { title: "Login is broken" },
      });
      await kit.plugboard.dispatcher.runDue();
      return requests.splice(0);
    };
    return { ...kit, deliver };
  }

  it("answers the URL masked, keeps it in full only encrypted, and delivers to it in full", async () => {
    const kit = chatKit();
    const { endpoint } = await kit.createEndpoint({ url: pumbleUrl, destination: "pumble" });

    expect(endpoint).toMatchObject({ url: "https://api.pumble.com/…9f8e" });
    const listed = await (await kit.call("GET", "/webhooks/endpoints")).text();
    const got = await (await kit.call("GET", `/webhooks/endpoints/${endpoint.id}`)).text();
    for (const text of [listed, got]) expect(text).not.toContain(token);
    const [stored] = await contextOf(kit.plugboard).store.webhooks.listEndpoints("org_acme");
    expect(JSON.stringify(stored)).not.toContain(token);

    expect(await kit.deliver()).toEqual([pumbleUrl]);
  });

  it("keeps the URL when an edit sends the masked form back, and replaces it with a new one", async () => {
    const kit = chatKit();
    const { endpoint } = await kit.createEndpoint({ url: pumbleUrl, destination: "pumble" });
    const path = `/webhooks/endpoints/${endpoint.id}`;

    const edited = await kit.call("PATCH", path, "ada", {
      url: "https://api.pumble.com/…9f8e",
      description: "Team channel",
    });
    expect(await edited.json()).toMatchObject({ description: "Team channel" });
    expect(await kit.deliver()).toEqual([pumbleUrl]);

    const otherUrl = "https://api.pumble.com/workspaces/w/incomingWebhooks/postMessage/n3wT0ken";
    const moved = await kit.call("PATCH", path, "ada", { url: otherUrl });
    expect(await moved.json()).toMatchObject({ url: "https://api.pumble.com/…0ken" });
    expect(await kit.deliver()).toEqual([otherUrl]);
  });

  it("shows the URL again once the endpoint becomes a standard one", async () => {
    const kit = chatKit();
    const { endpoint } = await kit.createEndpoint({ url: pumbleUrl, destination: "pumble" });

    const response = await kit.call("PATCH", `/webhooks/endpoints/${endpoint.id}`, "ada", {
      destination: "standard",
    });
    expect(await response.json()).toMatchObject({ url: pumbleUrl, destination: "standard" });
    const [stored] = await contextOf(kit.plugboard).store.webhooks.listEndpoints("org_acme");
    expect(stored?.secretUrl).toBeNull();
  });
});

describe("outgoing webhooks: endpoint API", () => {
  it("shows the secret once: lists, gets and logs carry only a hint", async () => {
    const kit = setupWebhooks({ webhooks: { resolveHost: async () => ["93.184.216.34"] } });
    const response = await kit.call("POST", "/webhooks/endpoints", "ada", {
      url: "https://example.com/hooks",
      description: "CI",
      eventMode: "individual",
      events: ["issue.created", "comment.created"],
      projectId: "prj_web",
    });
    expect(response.status).toBe(201);
    const created = createdWebhookEndpointSchema.parse(await response.json());
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(created.endpoint.secretHint).toBe(`whsec_…${created.secret.slice(-4)}`);

    const listText = await (await kit.call("GET", "/webhooks/endpoints", "grace")).text();
    const list = webhookEndpointListSchema.parse(JSON.parse(listText));
    expect(list.data).toHaveLength(1);
    expect(listText).not.toContain(created.secret);
    expect(listText).not.toContain(created.secret.slice(6, 20));
    const stored = await contextOf(kit.plugboard).store.webhooks.getEndpoint(
      "org_acme",
      created.endpoint.id,
    );
    expect(listText).not.toContain(stored?.secret);
    expect(stored?.secret).not.toContain(created.secret.slice(6));
    const logged = JSON.stringify([kit.logger.warn.mock.calls, kit.logger.error.mock.calls]);
    expect(logged).not.toContain(created.secret.slice(6));

    // Another organization sees nothing of it.
    expect(
      (await kit.call("GET", `/webhooks/endpoints/${created.endpoint.id}`, "linus")).status,
    ).toBe(404);
  });

  it.each([
    ["an invalid URL", { url: "not a url" }, "url"],
    ["http without the host's opt-in", { url: "http://example.com/hooks" }, "url"],
    [
      "an unknown event type",
      { url: "https://example.com/h", eventMode: "individual", events: ["issue.exploded"] },
      "events.0",
    ],
    [
      "an empty event list with mode individual",
      { url: "https://example.com/h", eventMode: "individual", events: [] },
      "events",
    ],
    [
      "a pumble destination off pumble.com",
      { url: "https://evil.example.com/h", destination: "pumble" },
      "url",
    ],
    [
      "a slack destination off hooks.slack.com",
      { url: "https://slack.com.evil.example/h", destination: "slack" },
      "url",
    ],
    ["a private address", { url: "https://10.0.0.5/h" }, "url"],
    ["a loopback address", { url: "https://127.0.0.1/h" }, "url"],
    ["a link-local (cloud metadata) address", { url: "https://169.254.169.254/latest" }, "url"],
    ["an IPv4-mapped IPv6 loopback", { url: "https://[::ffff:127.0.0.1]/h" }, "url"],
    ["a name resolving to a private address", { url: "https://internal.example.com/h" }, "url"],
  ])("refuses %s with a field error and stores nothing", async (_, body, path) => {
    const kit = setupWebhooks({
      webhooks: {
        allowHttp: false,
        allowAddresses: [],
        resolveHost: async (host) =>
          host === "internal.example.com" ? ["10.1.2.3"] : ["93.184.216.34"],
      },
    });
    const response = await kit.call("POST", "/webhooks/endpoints", "ada", body);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = problemSchema.parse(await response.json());
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors?.map((e) => e.path)).toContain(path);
    expect(await contextOf(kit.plugboard).store.webhooks.listEndpoints("org_acme")).toEqual([]);
  });

  it("tells the caller with the list whether they may change endpoints: admins yes, members no", async () => {
    const kit = setupWebhooks();
    for (const [user, manage] of [
      ["ada", true],
      ["grace", false],
    ] as const) {
      const response = await kit.call("GET", "/webhooks/endpoints", user);
      expect(response.status).toBe(200);
      const list = webhookEndpointListSchema.parse(await response.json());
      expect(list).toEqual({ data: [], permissions: { manage } });
    }
  });

  it("lets members read but not change, and validates updates against the merged endpoint", async () => {
    const target = await receiver();
    const kit = setupWebhooks();
    const { endpoint } = await kit.createEndpoint({
      url: target.url,
      eventMode: "individual",
      events: ["issue.created"],
    });
    expect(
      (await kit.call("POST", "/webhooks/endpoints", "grace", { url: target.url })).status,
    ).toBe(403);
    expect(
      (await kit.call("PATCH", `/webhooks/endpoints/${endpoint.id}`, "grace", { enabled: false }))
        .status,
    ).toBe(403);
    expect((await kit.call("DELETE", `/webhooks/endpoints/${endpoint.id}`, "grace")).status).toBe(
      403,
    );
    expect(
      (await kit.call("POST", `/webhooks/endpoints/${endpoint.id}/test`, "grace", {})).status,
    ).toBe(403);
    expect((await kit.call("GET", `/webhooks/endpoints/${endpoint.id}`, "grace")).status).toBe(200);

    const emptied = await kit.call("PATCH", `/webhooks/endpoints/${endpoint.id}`, "ada", {
      events: [],
    });
    expect(emptied.status).toBe(400);
    const disabled = webhookEndpointSchema.parse(
      await (
        await kit.call("PATCH", `/webhooks/endpoints/${endpoint.id}`, "ada", {
          enabled: false,
          description: "off",
        })
      ).json(),
    );
    expect(disabled).toMatchObject({
      enabled: false,
      disabledReason: "manual",
      description: "off",
      events: ["issue.created"],
    });
    const resend = await kit.call("POST", `/webhooks/endpoints/${endpoint.id}/recover`, "ada", {
      since: new Date(0).toISOString(),
    });
    expect(resend.status).toBe(409);

    expect((await kit.call("DELETE", `/webhooks/endpoints/${endpoint.id}`, "ada")).status).toBe(
      204,
    );
    expect((await kit.call("GET", `/webhooks/endpoints/${endpoint.id}`, "ada")).status).toBe(404);
  });

  it("re-checks the address at send time: a name that now resolves privately is not called", async () => {
    const fetch = vi.fn(async () => new Response("ok"));
    let address = "93.184.216.34";
    const kit = setupWebhooks({
      webhooks: { allowAddresses: [], resolveHost: async () => [address], fetch },
    });
    const { endpoint } = await kit.createEndpoint({ url: "https://rebind.example.com/h" });
    address = "127.0.0.1"; // DNS rebinding: public when saved, loopback when sent
    const attempt = webhookAttemptSchema.parse(
      await (await kit.call("POST", `/webhooks/endpoints/${endpoint.id}/test`, "ada", {})).json(),
    );
    expect(attempt).toMatchObject({ status: "failed", responseStatus: null });
    expect(attempt.error).toMatch(/^blocked_address/);
    expect(fetch).not.toHaveBeenCalled();
  });
});
