import {
  slackChannelListSchema,
  slackChannelSettingsSchema,
  slackDeliveryListSchema,
} from "@plugboard/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateEncryptionKey } from "../crypto/keyring";
import { createPlugboard } from "../plugboard";
import { memoryStore } from "../stores/memory/memory-store";
import {
  APP,
  installSlack,
  type SlackHarness,
  send,
  slackHarness,
  TEAM,
} from "./slack.test-harness";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function setup(channelId = "C0GENERAL"): Promise<SlackHarness> {
  const h = await slackHarness();
  server.use(...h.slack.handlers);
  await installSlack(h);
  const response = await h.call("PUT", "/api/plugboard/providers/slack/projects/prj_web/channel", {
    user: "ada",
    body: {
      channelId,
      channelName: "general",
      events: ["issue.created", "issue.updated", "comment.created", "cycle.started"],
    },
  });
  expect(response.status).toBe(200);
  return h;
}

async function publish(h: SlackHarness, type: string, data: Record<string, unknown>, key?: string) {
  await h.plugboard.events.publish({
    organizationId: "org_acme",
    projectId: "prj_web",
    type: type as "issue.created",
    data,
    ...(key ? { idempotencyKey: key } : {}),
  });
  await h.plugboard.worker.runDue();
}

const issue12 = { issue: { key: "PLANE-12", url: "https://tracker.test/issues/PLANE-12" } };

async function settings(h: SlackHarness) {
  const response = await h.call("GET", "/api/plugboard/providers/slack/projects/prj_web/channel", {
    user: "ada",
  });
  return slackChannelSettingsSchema.parse(await response.json());
}

async function deliveryLog(h: SlackHarness, user: "ada" | "grace" = "ada") {
  const response = await h.call(
    "GET",
    "/api/plugboard/providers/slack/projects/prj_web/channel/deliveries",
    { user },
  );
  expect(response.status).toBe(200);
  return slackDeliveryListSchema.parse(await response.json()).data;
}

const topLevel = (h: SlackHarness) => h.workspace.messages.filter((message) => !message.threadTs);

describe("Channel notifications", () => {
  it("lists every channel across conversations.list pages, empty pages with a cursor included", async () => {
    const h = await setup();
    const response = await h.call("GET", "/api/plugboard/providers/slack/channels", {
      user: "ada",
    });
    const { data } = slackChannelListSchema.parse(await response.json());
    expect(data.map((channel) => channel.name)).toEqual(["eng", "general", "random", "secret"]);
    expect(data.find((channel) => channel.name === "secret")?.isMember).toBe(false);
    const pages = h.workspace.calls.filter((call) => call.method === "conversations.list");
    expect(pages.map((call) => call.body.cursor ?? "")).toEqual(["", "1", "2"]);
  });

  it("lets only admins pick the channel, and refuses an invalid channel id with field errors", async () => {
    const h = await setup();
    const path = "/api/plugboard/providers/slack/projects/prj_web/channel";
    const member = await h.call("PUT", path, {
      user: "grace",
      body: { channelId: "C0ENG", channelName: "eng", events: ["issue.created"] },
    });
    expect(member.status).toBe(403);
    const invalid = await h.call("PUT", path, {
      user: "ada",
      body: { channelId: "#eng", channelName: "eng", events: [] },
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ code: "validation_failed" });
    expect((await settings(h)).channelId).toBe("C0GENERAL");
  });

  it("posts an issue's first event as a Block Kit message, then edits it in place and replies in its thread", async () => {
    const h = await setup();
    await publish(h, "issue.created", issue12);
    expect(topLevel(h)).toHaveLength(1);
    const [original] = topLevel(h);
    expect(original?.text).toBe("PLANE-12 Issue 12 (Todo)");
    expect(JSON.stringify(original?.blocks)).toContain(
      "<https://tracker.test/issues/PLANE-12|PLANE-12>",
    );

    const tracked = h.host.issue("PLANE-12");
    if (tracked) tracked.stateId = "st_done";
    await publish(h, "issue.updated", { ...issue12, changed: ["stateId"] });

    expect(topLevel(h)).toHaveLength(1);
    expect(h.workspace.message("C0GENERAL", original?.ts ?? "")).toMatchObject({
      edits: 1,
      text: "PLANE-12 Issue 12 (Done)",
    });
    const replies = h.workspace.messages.filter((message) => message.threadTs === original?.ts);
    expect(replies.map((reply) => reply.text)).toEqual(["Changed: stateId"]);
    expect((await settings(h)).lastDelivery).toMatchObject({ status: "delivered", error: null });
  });

  it("sends only the events the project picked, and an event published twice once", async () => {
    const h = await setup();
    await publish(h, "issue.completed", issue12);
    expect(h.workspace.messages).toEqual([]);
    await publish(h, "cycle.started", { cycle: { name: "Sprint 9" } }, "cycle-9");
    await publish(h, "cycle.started", { cycle: { name: "Sprint 9" } }, "cycle-9");
    expect(h.workspace.messages.map((message) => message.text)).toEqual([
      "Cycle started: Sprint 9",
    ]);
  });

  it("waits out a 429's Retry-After and then delivers, dropping nothing", async () => {
    const h = await setup();
    h.workspace.rateLimitNext(2, 3);
    await publish(h, "issue.created", issue12);
    expect(h.waits).toEqual([3000, 3000]);
    expect(topLevel(h)).toHaveLength(1);
  });

  it.each([
    ["C0SECRET", "not_in_channel"],
    ["C0GONE", "channel_not_found"],
  ])("shows Slack's %s error in the settings and does not retry", async (channel, code) => {
    const h = await setup(channel);
    await publish(h, "issue.created", issue12);
    expect((await settings(h)).lastDelivery).toMatchObject({ status: "failed", error: code });
    expect(h.logger.warn).toHaveBeenCalledWith(
      "Slack Web API call failed",
      expect.objectContaining({ method: "chat.postMessage", error: code }),
    );
    expect(await h.plugboard.worker.list({ state: "pending" })).toEqual([]);
  });

  it("logs every delivery with its status, attempts and Slack's error, for members too", async () => {
    const h = await setup("C0GONE");
    await publish(h, "issue.created", issue12);
    expect(await deliveryLog(h, "grace")).toMatchObject([
      {
        eventType: "issue.created",
        channelId: "C0GONE",
        status: "failed",
        attempts: 1,
        lastError: "channel_not_found",
      },
    ]);
  });

  it("logs a failed attempt as retrying, then the retry that delivers it on the same entry", async () => {
    const h = await setup();
    // Slack answers one request with a 500: the job fails and is retried later.
    server.use(
      http.post(
        `${h.slack.baseUrl}/api/chat.postMessage`,
        () => new HttpResponse("upstream", { status: 500 }),
        {
          once: true,
        },
      ),
    );
    await publish(h, "issue.created", issue12);
    const [first] = await deliveryLog(h);
    expect(first).toMatchObject({ status: "retrying", attempts: 1, lastError: "http_500" });
    expect(topLevel(h)).toHaveLength(0);

    h.clock.now += 60 * 60 * 1000;
    await h.plugboard.worker.runDue();
    expect(topLevel(h)).toHaveLength(1);
    expect(await deliveryLog(h)).toMatchObject([
      { id: first?.id, status: "delivered", attempts: 2, lastError: first?.lastError },
    ]);
  });

  it("marks the installation needs-reconnect when Slack says the token was revoked", async () => {
    const h = await setup();
    h.slack.killToken(h.slack.issued[0] as string);
    await publish(h, "issue.created", issue12);
    expect((await settings(h)).lastDelivery).toMatchObject({ error: "token_revoked" });
    expect((await h.store.installations.list("org_acme"))[0]?.status).toBe("error");
  });

  it("sends a test message on request and reports how it went", async () => {
    const h = await setup("C0SECRET");
    const response = await h.call(
      "POST",
      "/api/plugboard/providers/slack/projects/prj_web/channel/test",
      { user: "ada" },
    );
    expect(await response.json()).toMatchObject({
      lastDelivery: { status: "failed", error: "not_in_channel", eventType: "test" },
    });
    expect(await deliveryLog(h)).toMatchObject([
      { eventType: "test", status: "failed", attempts: 1, lastError: "not_in_channel" },
    ]);
  });
});

describe("Unfurls", () => {
  it("unfurls the organization's own issue links as the linked user, and nothing else", async () => {
    const h = await setup();
    const own = "https://tracker.test/issues/PLANE-13";
    const foreign = "https://elsewhere.test/browse/PLANE-12";
    await send(
      h,
      h.workspace.event(`${APP}/providers/slack/events`, TEAM, {
        type: "link_shared",
        channel: "C0GENERAL",
        user: "U0GRACE",
        message_ts: "1764000000.000200",
        links: [
          { domain: "tracker.test", url: own },
          { domain: "elsewhere.test", url: foreign },
        ],
      }),
    );
    expect(h.workspace.unfurls).toHaveLength(1);
    expect(Object.keys(h.workspace.unfurls[0]?.unfurls ?? {})).toEqual([own]);
    expect(
      h.host.calls.find((entry) => entry.capability === "issues.getByKey")?.call.actor,
    ).toEqual({ userId: "usr_grace" });
  });

  it("leaves an unlinked user's links plain", async () => {
    const h = await setup();
    await send(
      h,
      h.workspace.event(`${APP}/providers/slack/events`, TEAM, {
        type: "link_shared",
        channel: "C0GENERAL",
        user: "U0STRANGER",
        message_ts: "1764000000.000300",
        links: [{ domain: "tracker.test", url: "https://tracker.test/issues/PLANE-13" }],
      }),
    );
    expect(h.workspace.unfurls).toEqual([]);
    expect(h.host.calls).toEqual([]);
  });
});

describe("Startup", () => {
  it("refuses to start the Slack app without the host capabilities it needs", () => {
    expect(() =>
      createPlugboard({
        store: memoryStore(),
        authenticate: () => null,
        encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
        providers: { slack: { clientId: "id", clientSecret: "secret", signingSecret: "s" } },
        host: {},
      }),
    ).toThrow(/providers\.slack needs the host port to implement host\.issues\.create/);
  });
});
