import { installationSchema, integrationSchema, oauthMessageSchema } from "@plugboard/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NOW, ORIGIN, oauthHarness, postedMessage } from "./oauth.test-harness";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function harness(options: Parameters<typeof oauthHarness>[0] = {}) {
  const h = oauthHarness(options);
  server.use(...h.github.handlers);
  return h;
}

async function github(h: ReturnType<typeof harness>, user = "ada") {
  const response = await h.call("GET", "/api/plugboard/integrations/github", { user });
  return integrationSchema.parse(await response.json());
}

describe("POST /integrations/:provider/authorize", () => {
  it("answers GitHub's consent URL with a one-time state, PKCE S256 and the derived redirect URI", async () => {
    const h = harness();
    const url = new URL(await h.authorize());

    expect(url.origin + url.pathname).toBe("https://github.com/login/oauth/authorize");
    expect(url.searchParams.get("client_id")).toBe(h.github.clientId);
    expect(url.searchParams.get("redirect_uri")).toBe(
      `${ORIGIN}/api/plugboard/integrations/github/callback`,
    );
    expect(url.searchParams.get("scope")).toBe("repo read:org");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get("state")).toMatch(/^[A-Za-z0-9]{43}$/);

    // Two starts, two different states.
    const again = new URL(await h.authorize());
    expect(again.searchParams.get("state")).not.toBe(url.searchParams.get("state"));
  });

  it("lets only admins install for the organization; members connect their own account", async () => {
    const h = harness();
    const organization = await h.call("POST", "/api/plugboard/integrations/github/authorize", {
      user: "grace",
      body: { level: "organization" },
    });
    expect(organization.status).toBe(403);
    expect(await organization.json()).toMatchObject({ code: "forbidden" });

    // Without a level a member's install is their own (GitHub allows user-level installs).
    const callbackUrl = h.github.approve(await h.authorize("grace"));
    expect((await h.call("GET", callbackUrl, { user: "grace" })).status).toBe(200);
    const [installation] = await h.store.installations.list("org_acme");
    expect(installation).toMatchObject({ level: "user", installedBy: "usr_grace" });
    expect((await github(h, "ada")).installed).toBe(false); // private to Grace
  });

  it("refuses a page origin that is not the host's", async () => {
    const h = harness({ oauth: { appOrigins: ["https://app.example.com"] } });
    const response = await h.call("POST", "/api/plugboard/integrations/github/authorize", {
      user: "ada",
      body: {},
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
  });

  it("answers 404 for a provider the host did not configure and 400 for a non-OAuth one", async () => {
    const h = harness();
    const slack = await h.call("POST", "/api/plugboard/integrations/slack/authorize", {
      user: "ada",
      body: {},
    });
    expect(slack.status).toBe(404);
    const pumble = await h.call("POST", "/api/plugboard/integrations/pumble/authorize", {
      user: "ada",
      body: {},
    });
    expect(pumble.status).toBe(400);
  });
});

describe("GET /integrations/:provider/callback", () => {
  it("names only catalog providers on its page, never the raw path segment", async () => {
    const h = harness();
    const spoof = encodeURIComponent("Your bank — call 555-0100");
    const response = await h.call("GET", `/api/plugboard/integrations/${spoof}/callback?state=x`);
    const { html, message } = await postedMessage(response);
    expect(html).toContain("Could not connect the integration");
    expect(html).not.toContain("555-0100");
    expect(message).toMatchObject({ status: "error", error: "invalid_state" });
  });

  it("exchanges the code, records the installation and posts success to the exact host origin", async () => {
    const h = harness();
    const response = await h.install();

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'nonce-[^']+'/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");

    const { html, message, targetOrigin } = await postedMessage(response);
    expect(targetOrigin).toBe(ORIGIN);
    expect(html).not.toContain('"*"');
    const parsed = oauthMessageSchema.parse(message);
    expect(parsed).toMatchObject({
      type: "plugboard:oauth",
      status: "success",
      provider: "github",
    });

    const entry = await github(h);
    expect(entry.installed).toBe(true);
    const [installation] = entry.installations;
    expect(installationSchema.parse(installation)).toMatchObject({
      level: "organization",
      installedBy: "usr_ada",
      externalAccountName: "acme-inc",
      scopes: ["repo", "read:org"],
      status: "active",
    });
    expect(parsed.status === "success" && parsed.integrationId).toBe(installation?.id);
    // GitHub's numeric account id, by which its webhooks find the installation.
    expect(
      (await h.store.installations.findByAccount("github", "1")).map((found) => found.id),
    ).toEqual([installation?.id]);

    // The token went to the store encrypted, and never into the page or the API.
    const token = h.github.issued[0] as string;
    const [stored] = await h.store.installations.list("org_acme");
    expect(stored?.secret).toMatch(/^v1\.k1\./);
    expect(stored?.secret).not.toContain(token);
    expect(html).not.toContain(token);
    expect(JSON.stringify(entry)).not.toContain(token);
    // PKCE: the verifier went along with the code.
    expect(h.github.tokenRequests[0]?.get("code_verifier")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("rejects a replayed state: the second use of the same callback URL fails", async () => {
    const h = harness();
    const callbackUrl = h.github.approve(await h.authorize());
    expect((await h.call("GET", callbackUrl)).status).toBe(200);

    const replay = await h.call("GET", callbackUrl);
    expect(replay.status).toBe(400);
    const { message, html } = await postedMessage(replay);
    expect(message).toMatchObject({ status: "error", error: "invalid_state" });
    expect(html).toContain("already used or is not valid");
  });

  it("lets exactly one of two concurrent callbacks with the same state through", async () => {
    const h = harness();
    const callbackUrl = h.github.approve(await h.authorize());
    const responses = await Promise.all([h.call("GET", callbackUrl), h.call("GET", callbackUrl)]);

    expect(responses.map((response) => response.status).sort()).toEqual([200, 400]);
    expect((await github(h)).installations).toHaveLength(1);
  });

  it("rejects an expired state (older than 10 minutes) without calling GitHub", async () => {
    const h = harness();
    const callbackUrl = h.github.approve(await h.authorize());
    h.clock.now = NOW + 10 * 60 * 1000 + 1;

    const response = await h.call("GET", callbackUrl);
    expect(response.status).toBe(400);
    expect((await postedMessage(response)).message).toMatchObject({ error: "expired_state" });
    expect(h.github.tokenRequests).toHaveLength(0);
    expect((await github(h)).installed).toBe(false);
  });

  it("rejects a callback opened by another signed-in user", async () => {
    const h = harness();
    const callbackUrl = h.github.approve(await h.authorize("ada"));

    const response = await h.call("GET", callbackUrl, { user: "grace" });
    expect(response.status).toBe(403);
    const { message, html } = await postedMessage(response);
    expect(message).toMatchObject({ status: "error", error: "user_mismatch" });
    expect(html).toContain("Another user started connecting GitHub");
    expect(h.github.tokenRequests).toHaveLength(0);
    expect((await github(h)).installed).toBe(false);
  });

  it("says the user cancelled when GitHub reports access_denied", async () => {
    const h = harness();
    const response = await h.call("GET", h.github.deny(await h.authorize()), { user: "ada" });

    expect(response.status).toBe(400);
    const { message, html, targetOrigin } = await postedMessage(response);
    expect(message).toMatchObject({ status: "error", error: "access_denied" });
    expect(targetOrigin).toBe(ORIGIN);
    expect(html).toContain("You cancelled connecting GitHub. Nothing was installed.");
    expect((await github(h)).installed).toBe(false);
  });

  it("explains a bad code with GitHub's own words and keeps internals out", async () => {
    const h = harness();
    const url = new URL(h.github.approve(await h.authorize()));
    url.searchParams.set("code", "not-a-real-code");

    const response = await h.call("GET", url.toString(), { user: "ada" });
    expect(response.status).toBe(502);
    const { message, html } = await postedMessage(response);
    expect(message).toMatchObject({ status: "error", error: "provider_error" });
    expect(html).toContain("The code passed is incorrect or expired.");
    expect(html).not.toMatch(/at \w+ \(|Error:|stack/);
    expect((await github(h)).installed).toBe(false);
  });

  it("HTML-escapes what the provider puts in the URL", async () => {
    const h = harness();
    const url = new URL(h.github.approve(await h.authorize()));
    url.searchParams.delete("code");
    url.searchParams.set("error", "server_error");
    url.searchParams.set("error_description", '<script>alert("x")</script></script>');

    const response = await h.call("GET", url.toString());
    const { html, message } = await postedMessage(response);
    expect(html).not.toContain('<script>alert("x")');
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    // Inside the script the same text is JSON with < escaped, so it cannot close the element.
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(message).toMatchObject({ error: "provider_error" });
  });

  it("posts to the allowed origin the install started from, never to another", async () => {
    const h = harness({
      oauth: { appOrigins: ["https://app.example.com", "https://beta.example.com"] },
    });
    const url = await h.authorize("ada", {}, "https://beta.example.com");
    const response = await h.call("GET", h.github.approve(url));
    expect((await postedMessage(response)).targetOrigin).toBe("https://beta.example.com");
  });

  it("reconnects an existing installation instead of failing", async () => {
    const h = harness();
    await h.install();
    const first = (await github(h)).installations[0];
    const again = await h.install();

    expect(again.status).toBe(200);
    const entry = await github(h);
    expect(entry.installations).toHaveLength(1);
    expect(entry.installations[0]?.id).toBe(first?.id);
  });
});

describe("uninstalling an OAuth integration", () => {
  it("revokes the grant at GitHub, deletes the secret and the repository links", async () => {
    const h = harness();
    await h.install();
    const installation = (await github(h)).installations[0];
    const link = await h.call("POST", "/api/plugboard/providers/github/links", {
      user: "ada",
      body: { projectId: "prj_web", repository: "acme-inc/web" },
    });
    expect(link.status).toBe(201);

    const response = await h.call(
      "DELETE",
      `/api/plugboard/integrations/github/installations/${installation?.id}`,
      { user: "ada" },
    );
    expect(response.status).toBe(204);
    expect(h.github.revoked).toEqual([h.github.issued[0]]);
    expect(await h.store.installations.list("org_acme")).toEqual([]);
    expect(await h.store.github.listLinks("org_acme")).toEqual([]);
  });

  it("still uninstalls when GitHub cannot be reached, and logs why", async () => {
    const h = harness();
    await h.install();
    const installation = (await github(h)).installations[0];
    server.use(
      http.delete("https://api.github.com/applications/:id/grant", () => HttpResponse.error()),
    );

    const response = await h.call(
      "DELETE",
      `/api/plugboard/integrations/github/installations/${installation?.id}`,
      { user: "ada" },
    );
    expect(response.status).toBe(204);
    expect(h.logger.warn).toHaveBeenCalledWith(
      "Could not revoke the token at the provider",
      expect.objectContaining({ provider: "github" }),
    );
    expect(JSON.stringify(h.logger.warn.mock.calls)).not.toContain(h.github.issued[0]);
  });
});
