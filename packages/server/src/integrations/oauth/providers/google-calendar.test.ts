import { integrationSchema } from "@plugboard/core";
import {
  createGoogleSimulation,
  type GoogleSimulationOptions,
} from "@plugboard/provider-simulators";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { contextOf } from "../../../context";
import { NOW, oauthHarness, postedMessage } from "../oauth.test-harness";
import { accessTokenFor } from "../tokens";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const hour = 3599 * 1000;

/** Plugboard with Google Calendar configured against the simulation, both on one fake clock. */
function harness(options: GoogleSimulationOptions = {}) {
  const clock = { now: NOW };
  const google = createGoogleSimulation({ now: () => clock.now, ...options });
  const h = oauthHarness({
    now: () => clock.now,
    providers: {
      "google-calendar": {
        clientId: google.clientId,
        clientSecret: google.clientSecret,
        ...(options.accountsBaseUrl
          ? {
              baseUrls: {
                accounts: options.accountsBaseUrl,
                ...(options.oauth2BaseUrl ? { oauth2: options.oauth2BaseUrl } : {}),
                ...(options.openIdBaseUrl ? { openId: options.openIdBaseUrl } : {}),
              },
            }
          : {}),
      },
    },
  });
  server.use(...google.handlers);
  return { ...h, clock, google };
}

type Harness = ReturnType<typeof harness>;

async function consentUrl(h: Harness, user = "ada"): Promise<string> {
  const response = await h.call("POST", "/api/plugboard/integrations/google-calendar/authorize", {
    user,
    body: {},
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { url: string }).url;
}

async function install(h: Harness, user = "ada") {
  const response = await h.call("GET", h.google.approve(await consentUrl(h, user)), { user });
  expect(response.status).toBe(200);
  const [installation] = await h.store.installations.list("org_acme");
  if (!installation) throw new Error("nothing was installed");
  return installation;
}

async function calendarEntry(h: Harness, user = "ada") {
  const response = await h.call("GET", "/api/plugboard/integrations/google-calendar", { user });
  return integrationSchema.parse(await response.json());
}

describe("Google Calendar install through Google's token endpoint", () => {
  it('talks to the Google at providers["google-calendar"].baseUrls (a local simulator)', async () => {
    const origin = "http://google.simulator.test";
    const h = harness({ accountsBaseUrl: origin, oauth2BaseUrl: origin, openIdBaseUrl: origin });
    expect(await consentUrl(h)).toMatch(/^http:\/\/google\.simulator\.test\/o\/oauth2\/v2\/auth\?/);
    const installation = await install(h);
    // The account came from the simulator's userinfo, on the same origin.
    expect(installation.externalAccountId).toBe("110169484474386276334");
  });

  it("connects a member's own calendar: their email, Google's granted scopes, encrypted tokens", async () => {
    const h = harness({ email: "grace@acme.example" });
    const response = await h.call("GET", h.google.approve(await consentUrl(h, "grace")), {
      user: "grace",
    });

    expect(response.status).toBe(200);
    const { html, message } = await postedMessage(response);
    expect(message).toMatchObject({ status: "success", provider: "google-calendar" });
    expect((await calendarEntry(h, "grace")).installations).toEqual([
      expect.objectContaining({
        level: "user",
        installedBy: "usr_grace",
        externalAccountName: "grace@acme.example",
        scopes: [
          "openid",
          "https://www.googleapis.com/auth/userinfo.email",
          "https://www.googleapis.com/auth/calendar.events",
        ],
        status: "active",
      }),
    ]);

    // PKCE: Google checked the verifier against the challenge from the consent URL.
    expect(h.google.tokenRequests[0]?.get("code_verifier")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await h.store.installations.list("org_acme");
    expect(stored?.secret).toMatch(/^v1\.k1\./);
    for (const token of [h.google.issued[0], h.google.issuedRefreshTokens[0]] as string[]) {
      expect(stored?.secret).not.toContain(token);
      expect(html).not.toContain(token);
    }
  });

  it("ends a bad code on the callback page with Google's description, installing nothing", async () => {
    const h = harness();
    const url = new URL(h.google.approve(await consentUrl(h)));
    url.searchParams.set("code", "4/0forged");

    const response = await h.call("GET", url.toString(), { user: "ada" });
    expect(response.status).toBe(502);
    const { message, html } = await postedMessage(response);
    expect(message).toMatchObject({ status: "error", error: "provider_error" });
    expect(html).toContain("Google Calendar did not accept the sign-in (Malformed auth code.)");
    expect((await calendarEntry(h)).installed).toBe(false);
  });

  it("installs without an account name when userinfo fails, and logs why", async () => {
    const h = harness();
    server.use(
      http.get("https://openidconnect.googleapis.com/v1/userinfo", () =>
        HttpResponse.json({ error: "internal" }, { status: 503 }),
      ),
    );
    const installation = await install(h);
    expect(installation.externalAccountName).toBeNull();
    expect(h.logger.warn).toHaveBeenCalledWith(
      "Could not read the connected account",
      expect.objectContaining({ provider: "google-calendar" }),
    );
  });
});

describe("Google Calendar uninstall", () => {
  it("revokes the grant at Google and deletes the installation with its secret", async () => {
    const h = harness();
    const installation = await install(h);

    const response = await h.call(
      "DELETE",
      `/api/plugboard/integrations/google-calendar/installations/${installation.id}`,
      { user: "ada" },
    );
    expect(response.status).toBe(204);
    // The refresh token goes: Google then drops the whole grant, access token included.
    expect(h.google.revoked).toEqual([h.google.issuedRefreshTokens[0]]);
    expect(h.google.accepts(h.google.issued[0] as string)).toBe(false);
    expect(await h.store.installations.list("org_acme")).toEqual([]);
    expect(h.logger.warn).not.toHaveBeenCalled();
  });

  it("lets a member disconnect their own calendar, and hides it from other members", async () => {
    const h = harness();
    const installation = await install(h, "grace");
    const path = `/api/plugboard/integrations/google-calendar/installations/${installation.id}`;
    expect((await calendarEntry(h, "grace")).permissions.uninstall).toBe(true);

    const other = await calendarEntry(h, "alan");
    expect(other).toMatchObject({ installed: false, installations: [] });
    expect(other.permissions.uninstall).toBe(false);
    expect((await h.call("DELETE", path, { user: "alan" })).status).toBe(404);
    expect(await h.store.installations.list("org_acme")).toHaveLength(1);

    expect((await h.call("DELETE", path, { user: "grace" })).status).toBe(204);
    expect(h.google.revoked).toEqual([h.google.issuedRefreshTokens[0]]);
    expect((await calendarEntry(h, "grace")).installed).toBe(false);
  });
});

describe("Google Calendar token refresh", () => {
  it("refreshes shortly before the hour is up, once for concurrent callers, keeping the refresh token", async () => {
    const h = harness();
    const installation = await install(h);

    h.clock.now = NOW + hour - 30_000;
    const tokens = await Promise.all(
      Array.from({ length: 4 }, () => accessTokenFor(contextOf(h.plugboard), installation)),
    );
    expect(h.google.refreshes).toBe(1);
    expect(new Set(tokens)).toEqual(new Set([h.google.issued[1]]));
    expect(h.google.accepts(tokens[0] as string)).toBe(true);
    expect(h.google.tokenRequests[1]?.get("refresh_token")).toBe(h.google.issuedRefreshTokens[0]);

    // Google sends no new refresh token: the first one must still be there for the next hour.
    const [refreshed] = await h.store.installations.list("org_acme");
    if (!refreshed) throw new Error("the installation is gone");
    h.clock.now += hour;
    expect(await accessTokenFor(contextOf(h.plugboard), refreshed)).toBe(h.google.issued[2]);
    expect(h.google.tokenRequests[2]?.get("refresh_token")).toBe(h.google.issuedRefreshTokens[0]);
  });

  it("uses the stored token without refreshing while it has more than a minute left", async () => {
    const h = harness();
    const installation = await install(h);
    h.clock.now = NOW + hour - 120_000;

    expect(await accessTokenFor(contextOf(h.plugboard), installation)).toBe(h.google.issued[0]);
    expect(h.google.refreshes).toBe(0);
  });

  it("asks for a reconnect once the user revoked access in their Google account", async () => {
    const h = harness();
    const installation = await install(h);
    await fetch("https://oauth2.googleapis.com/revoke", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: h.google.issued[0] as string }),
    });
    h.clock.now = NOW + hour;

    await expect(accessTokenFor(contextOf(h.plugboard), installation)).rejects.toMatchObject({
      code: "provider_error",
      detail: "Google Calendar needs to be reconnected: it no longer accepts this connection",
    });
    expect((await calendarEntry(h)).installations[0]?.status).toBe("error");
  });
});
