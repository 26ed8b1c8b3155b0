import { integrationSchema } from "@plugboard/core";
import { createSlackSimulation, type SlackSimulationOptions } from "@plugboard/provider-simulators";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { contextOf } from "../../../context";
import { NOW, oauthHarness, postedMessage } from "../oauth.test-harness";
import { accessTokenFor } from "../tokens";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const twelveHours = 43_200;

/** Plugboard with Slack configured against the simulation, both on one fake clock. */
function harness(options: SlackSimulationOptions = {}) {
  const clock = { now: NOW };
  const slack = createSlackSimulation({ now: () => clock.now, ...options });
  const h = oauthHarness({
    now: () => clock.now,
    providers: {
      slack: {
        clientId: slack.clientId,
        clientSecret: slack.clientSecret,
        ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      },
    },
  });
  server.use(...slack.handlers);
  return { ...h, clock, slack };
}

type Harness = ReturnType<typeof harness>;

async function consentUrl(h: Harness): Promise<string> {
  const response = await h.call("POST", "/api/plugboard/integrations/slack/authorize", {
    user: "ada",
    body: {},
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { url: string }).url;
}

async function install(h: Harness) {
  const response = await h.call("GET", h.slack.approve(await consentUrl(h)), { user: "ada" });
  expect(response.status).toBe(200);
  const [installation] = await h.store.installations.list("org_acme");
  if (!installation) throw new Error("nothing was installed");
  return installation;
}

async function uninstall(h: Harness, installationId: string) {
  return h.call("DELETE", `/api/plugboard/integrations/slack/installations/${installationId}`, {
    user: "ada",
  });
}

async function slackEntry(h: Harness) {
  const response = await h.call("GET", "/api/plugboard/integrations/slack", { user: "ada" });
  return integrationSchema.parse(await response.json());
}

describe("Slack install through oauth.v2.access", () => {
  it("talks to the Slack at providers.slack.baseUrl (a local simulator) for consent, token and revoke", async () => {
    const h = harness({ baseUrl: "http://slack.simulator.test" });
    expect(await consentUrl(h)).toMatch(/^http:\/\/slack\.simulator\.test\/oauth\/v2\/authorize\?/);
    const installation = await install(h);
    expect((await uninstall(h, installation.id)).status).toBe(204);
    expect(h.slack.revoked).toHaveLength(1);
  });

  it("records the workspace, the granted bot scopes and the encrypted bot token", async () => {
    const h = harness();
    const response = await h.call("GET", h.slack.approve(await consentUrl(h)), { user: "ada" });

    expect(response.status).toBe(200);
    const { html, message } = await postedMessage(response);
    expect(message).toMatchObject({ status: "success", provider: "slack" });
    const entry = await slackEntry(h);
    expect(entry.installations).toEqual([
      expect.objectContaining({
        level: "organization",
        installedBy: "usr_ada",
        externalAccountName: "Acme Inc",
        scopes: ["chat:write", "channels:read", "links:read", "links:write", "commands"],
        status: "active",
      }),
    ]);

    // Inbound Slack traffic names the team: the installation is found by it.
    expect(
      (await h.store.installations.findByAccount("slack", "T0PLUGBRD")).map((found) => found.id),
    ).toEqual([entry.installations[0]?.id]);

    // The exchange was form-encoded, repeated the redirect URI, and sent no PKCE (Slack has none).
    const [exchange] = h.slack.tokenRequests;
    expect(exchange?.get("redirect_uri")).toBe(
      "http://app.test/api/plugboard/integrations/slack/callback",
    );
    expect(exchange?.has("code_verifier")).toBe(false);

    const token = h.slack.issued[0] as string;
    const [stored] = await h.store.installations.list("org_acme");
    expect(stored?.secret).toMatch(/^v1\.k1\./);
    expect(stored?.secret).not.toContain(token);
    expect(html).not.toContain(token);
    expect(JSON.stringify(entry)).not.toContain(token);
  });

  it("ends a bad code on the callback page with Slack's error, installing nothing", async () => {
    const h = harness();
    const url = new URL(h.slack.approve(await consentUrl(h)));
    url.searchParams.set("code", "1.2.forged");

    const response = await h.call("GET", url.toString(), { user: "ada" });
    expect(response.status).toBe(502);
    const { message, html } = await postedMessage(response);
    expect(message).toMatchObject({ status: "error", error: "provider_error", provider: "slack" });
    expect(html).toContain("Slack did not accept the sign-in");
    expect(html).toContain("invalid_code");
    expect((await slackEntry(h)).installed).toBe(false);
  });

  it("says the user cancelled when they press Cancel on Slack's consent page", async () => {
    const h = harness();
    const response = await h.call("GET", h.slack.deny(await consentUrl(h)), { user: "ada" });
    expect((await postedMessage(response)).message).toMatchObject({ error: "access_denied" });
    expect(h.slack.tokenRequests).toHaveLength(0);
  });
});

describe("Slack uninstall through auth.revoke", () => {
  it("revokes the bot token at Slack and deletes the installation with its secret", async () => {
    const h = harness();
    const installation = await install(h);

    expect((await uninstall(h, installation.id)).status).toBe(204);
    expect(h.slack.revoked).toEqual([h.slack.issued[0]]);
    expect(h.slack.accepts(h.slack.issued[0] as string)).toBe(false);
    expect(await h.store.installations.list("org_acme")).toEqual([]);
    expect(h.logger.warn).not.toHaveBeenCalled();
  });

  it("logs a revocation Slack refused with ok: false, and still uninstalls", async () => {
    const h = harness();
    const installation = await install(h);
    // Revoked on Slack's side already (say, by a workspace admin): auth.revoke answers invalid_auth.
    await fetch("https://slack.com/api/auth.revoke", {
      method: "POST",
      headers: { authorization: `Bearer ${h.slack.issued[0]}` },
    });

    expect((await uninstall(h, installation.id)).status).toBe(204);
    expect(h.logger.warn).toHaveBeenCalledWith(
      "Could not revoke the token at the provider",
      expect.objectContaining({ provider: "slack", error: "Slack answered invalid_auth" }),
    );
    expect(await h.store.installations.list("org_acme")).toEqual([]);
  });
});

describe("Slack token rotation", () => {
  it("stores the refresh token and refreshes the bot token before it expires", async () => {
    const h = harness({ tokenRotationExpiresIn: twelveHours });
    const installation = await install(h);
    expect(h.slack.issued[0]).toMatch(/^xoxe\.xoxb-/);

    h.clock.now = NOW + twelveHours * 1000 - 30_000; // inside the refresh margin
    const token = await accessTokenFor(contextOf(h.plugboard), installation);

    expect(h.slack.refreshes).toBe(1);
    expect(token).toBe(h.slack.issued[1]);
    expect(h.slack.accepts(token)).toBe(true);
    const refresh = h.slack.tokenRequests[1];
    expect(refresh?.get("grant_type")).toBe("refresh_token");
    const [stored] = await h.store.installations.list("org_acme");
    expect(stored?.secret).not.toBe(installation.secret);
    expect(stored?.secret).not.toContain(token);
  });

  it("revokes with a fresh token when the stored one has already expired", async () => {
    const h = harness({ tokenRotationExpiresIn: twelveHours });
    const installation = await install(h);
    h.clock.now = NOW + twelveHours * 1000 + 1;

    expect((await uninstall(h, installation.id)).status).toBe(204);
    expect(h.slack.revoked).toEqual([h.slack.issued[1]]);
    expect(h.logger.warn).not.toHaveBeenCalled();
  });

  it("marks the installation errored and asks for a reconnect when Slack refuses the refresh", async () => {
    const h = harness({ tokenRotationExpiresIn: twelveHours });
    const installation = await install(h);
    h.slack.forgetRefreshTokens();
    h.clock.now = NOW + twelveHours * 1000 + 1;

    await expect(accessTokenFor(contextOf(h.plugboard), installation)).rejects.toMatchObject({
      code: "provider_error",
      detail: "Slack needs to be reconnected: it no longer accepts this connection",
    });
    expect((await slackEntry(h)).installations[0]?.status).toBe("error");
  });
});
