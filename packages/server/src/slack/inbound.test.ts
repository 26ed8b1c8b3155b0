import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
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

async function setup(): Promise<SlackHarness> {
  const h = await slackHarness();
  server.use(...h.slack.handlers);
  await installSlack(h);
  return h;
}

const pendingJobs = async (h: SlackHarness) =>
  (await h.plugboard.worker.list({ state: "pending" })).length;

describe("Slack inbound requests: signature, timestamp, acknowledgement", () => {
  it("answers url_verification with its challenge once the signature checks out", async () => {
    const h = await setup();
    const body = JSON.stringify({
      type: "url_verification",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
    });
    const headers = await h.workspace.sign(body);
    headers.set("content-type", "application/json");
    const response = await h.plugboard.handler(
      new Request(`${APP}/providers/slack/events`, { method: "POST", headers, body }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
    });
  });

  it("refuses a forged signature with 401 and does nothing", async () => {
    const h = await setup();
    const request = await h.workspace.command(`${APP}/providers/slack/commands`, {
      teamId: TEAM,
      userId: "U0GRACE",
      text: "create Forged",
    });
    const forged = new Request(request, {
      headers: {
        ...Object.fromEntries(request.headers),
        "x-slack-signature": `v0=${"0".repeat(64)}`,
      },
    });
    const response = await send(h, forged);
    expect(response.status).toBe(401);
    expect(await pendingJobs(h)).toBe(0);
    expect(h.workspace.views).toEqual([]);
    expect(h.workspace.calls).toEqual([]);
  });

  it("refuses a request signed more than 5 minutes ago (a replay), doing nothing", async () => {
    const h = await setup();
    const request = await h.workspace.command(`${APP}/providers/slack/commands`, {
      teamId: TEAM,
      userId: "U0GRACE",
      text: "create Replayed",
    });
    h.clock.now += 5 * 60 * 1000 + 1000;
    expect((await send(h, request)).status).toBe(401);
    expect(h.workspace.calls).toEqual([]);
  });

  it("refuses a body changed after signing", async () => {
    const h = await setup();
    const request = await h.workspace.command(`${APP}/providers/slack/commands`, {
      teamId: TEAM,
      userId: "U0GRACE",
      text: "create Original",
    });
    const tampered = new Request(request.url, {
      method: "POST",
      headers: request.headers,
      body: (await request.text()).replace("Original", "Tampered"),
    });
    expect((await send(h, tampered)).status).toBe(401);
    expect(h.workspace.calls).toEqual([]);
  });

  it("answers 404 when the host configured no signing secret", async () => {
    const h = await slackHarness();
    const { oauthHarness } = await import("../integrations/oauth/oauth.test-harness");
    const bare = oauthHarness({
      providers: { slack: { clientId: h.slack.clientId, clientSecret: h.slack.clientSecret } },
    });
    const request = await h.workspace.command(`${APP}/providers/slack/commands`, {
      teamId: TEAM,
      text: "create x",
    });
    expect((await bare.plugboard.handler(request)).status).toBe(404);
  });

  it("acknowledges a command at once with an empty 200, the work left to a job", async () => {
    const h = await setup();
    const response = await h.plugboard.handler(
      await h.workspace.command(`${APP}/providers/slack/commands`, {
        teamId: TEAM,
        userId: "U0GRACE",
        text: "create Ship it",
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect(await pendingJobs(h)).toBe(1);
    expect(h.workspace.views).toEqual([]);
  });
});

describe("Slack events", () => {
  it("dedupes Slack's retries of one event_id (X-Slack-Retry-Num)", async () => {
    const h = await setup();
    const url = `${APP}/providers/slack/events`;
    const event = { type: "app_uninstalled" };
    const first = await h.plugboard.handler(
      await h.workspace.event(url, TEAM, event, { eventId: "Ev42" }),
    );
    const retry = await h.plugboard.handler(
      await h.workspace.event(url, TEAM, event, { eventId: "Ev42", retryNum: 1 }),
    );
    expect(await first.json()).toEqual({ status: "queued" });
    expect(await retry.json()).toEqual({ status: "duplicate" });
    expect(await pendingJobs(h)).toBe(1);
  });

  it("marks the installation disconnected on app_uninstalled; the card says so", async () => {
    const h = await setup();
    await send(
      h,
      h.workspace.event(`${APP}/providers/slack/events`, TEAM, { type: "app_uninstalled" }),
    );
    const [installation] = await h.store.installations.list("org_acme");
    expect(installation?.status).toBe("disconnected");
    const card = await h.call("GET", "/api/plugboard/integrations/slack", { user: "ada" });
    expect(await card.json()).toMatchObject({ installations: [{ status: "disconnected" }] });
  });

  it("tokens_revoked disconnects when it lists the bot (before or after app_uninstalled), not for user tokens alone", async () => {
    const h = await setup();
    const url = `${APP}/providers/slack/events`;
    await send(
      h,
      h.workspace.event(url, TEAM, { type: "tokens_revoked", tokens: { oauth: ["U0ADASIM1"] } }),
    );
    expect((await h.store.installations.list("org_acme"))[0]?.status).toBe("active");

    await send(
      h,
      h.workspace.event(url, TEAM, { type: "tokens_revoked", tokens: { bot: ["U0BOTSIM1"] } }),
    );
    expect((await h.store.installations.list("org_acme"))[0]?.status).toBe("disconnected");
    // app_uninstalled afterwards changes nothing more.
    await send(h, h.workspace.event(url, TEAM, { type: "app_uninstalled" }));
    expect((await h.store.installations.list("org_acme"))[0]?.status).toBe("disconnected");
  });

  it.each([
    ["before", ["tokens_revoked", "app_uninstalled"]],
    ["after", ["app_uninstalled", "tokens_revoked"]],
  ])(
    "tokens_revoked for user tokens %s app_uninstalled: disconnected, and those users' links gone",
    async (_, order) => {
      const h = await setup();
      const url = `${APP}/providers/slack/events`;
      const events: Record<string, Record<string, unknown>> = {
        tokens_revoked: { type: "tokens_revoked", tokens: { oauth: ["U0GRACE"] } },
        app_uninstalled: { type: "app_uninstalled" },
      };
      const [first, second] = order as [string, string];
      await send(h, h.workspace.event(url, TEAM, events[first] ?? {}));
      await send(h, h.workspace.event(url, TEAM, events[second] ?? {}));

      const [installation] = await h.store.installations.list("org_acme");
      expect(installation?.status).toBe("disconnected");
      expect(await h.store.accountLinks.find("org_acme", "slack", "U0GRACE")).toBeNull();
      // The card says so.
      const card = await h.call("GET", "/api/plugboard/integrations/slack", { user: "ada" });
      expect(await card.json()).toMatchObject({ installations: [{ status: "disconnected" }] });
    },
  );

  it("tokens_revoked for one user removes only that user's link and leaves the workspace connected", async () => {
    const h = await setup();
    await h.store.accountLinks.upsert({
      id: "acl_ada",
      organizationId: "org_acme",
      provider: "slack",
      externalUserId: "U0ADASIM1",
      externalAccountId: TEAM,
      externalUserName: "ada",
      userId: "usr_ada",
      createdAt: 1,
    });
    await send(
      h,
      h.workspace.event(`${APP}/providers/slack/events`, TEAM, {
        type: "tokens_revoked",
        tokens: { oauth: ["U0GRACE"] },
      }),
    );
    expect((await h.store.installations.list("org_acme"))[0]?.status).toBe("active");
    expect(await h.store.accountLinks.find("org_acme", "slack", "U0GRACE")).toBeNull();
    expect(await h.store.accountLinks.find("org_acme", "slack", "U0ADASIM1")).not.toBeNull();
  });

  it("ignores events of a workspace it has no installation for", async () => {
    const h = await setup();
    await send(
      h,
      h.workspace.event(`${APP}/providers/slack/events`, "T0OTHER", { type: "app_uninstalled" }),
    );
    expect((await h.store.installations.list("org_acme"))[0]?.status).toBe("active");
  });
});

describe("Seen inbound ids", () => {
  it("are forgotten after a day by the hourly housekeeping", async () => {
    const h = await setup();
    await send(
      h,
      h.workspace.event(
        `${APP}/providers/slack/events`,
        TEAM,
        { type: "app_uninstalled" },
        { eventId: "EvOld" },
      ),
    );
    h.clock.now += 25 * 60 * 60 * 1000;
    await h.plugboard.worker.runDue();
    expect(await h.store.slack.recordInbound("event:EvOld", h.clock.now)).toBe(true);
  });
});
