import { integrationCatalog } from "@plugboard/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { contextOf } from "../../../context";
import { generateEncryptionKey } from "../../../crypto/keyring";
import { createPlugboard, type PlugboardOptions } from "../../../plugboard";
import { memoryStore } from "../../../stores/memory/memory-store";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const admin = { userId: "usr_ada", organizationId: "org_acme", role: "admin" } as const;

function kit(options: Partial<PlugboardOptions>) {
  return createPlugboard({
    store: memoryStore(),
    authenticate: () => admin,
    encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
    ...options,
  });
}

async function consentUrl(plugboard: ReturnType<typeof kit>, provider: string, body = {}) {
  const response = await plugboard.handler(
    new Request(`http://app.test/api/plugboard/integrations/${provider}/authorize`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  expect(response.status).toBe(200);
  return new URL(((await response.json()) as { url: string }).url);
}

describe("provider registry", () => {
  it("sends Slack installs to oauth/v2/authorize with comma-separated bot scopes", async () => {
    const url = await consentUrl(
      kit({ providers: { slack: { clientId: "123.456", clientSecret: "s" } } }),
      "slack",
    );
    expect(url.origin + url.pathname).toBe("https://slack.com/oauth/v2/authorize");
    expect(url.searchParams.get("scope")).toBe(
      "chat:write,channels:read,links:read,links:write,commands",
    );
    expect(url.searchParams.get("client_id")).toBe("123.456");
    expect(url.searchParams.has("code_challenge")).toBe(false);
  });

  it("sends Google Calendar to Google's consent page with PKCE, offline access and the calendar scope", async () => {
    const url = await consentUrl(
      kit({ providers: { "google-calendar": { clientId: "g.apps", clientSecret: "s" } } }),
      "google-calendar",
    );
    expect(url.origin + url.pathname).toBe("https://accounts.google.com/o/oauth2/v2/auth");
    expect(url.searchParams.get("scope")).toContain(
      "https://www.googleapis.com/auth/calendar.events",
    );
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("access_type")).toBe("offline");
  });

  it("installs Google Calendar for the member who connects it, at the user level", async () => {
    const member = { ...admin, userId: "usr_grace", role: "member" as const };
    const plugboard = kit({
      authenticate: () => member,
      providers: { "google-calendar": { clientId: "g.apps", clientSecret: "s" } },
    });
    const url = await consentUrl(plugboard, "google-calendar");
    expect(url.searchParams.get("redirect_uri")).toBe(
      "http://app.test/api/plugboard/integrations/google-calendar/callback",
    );
  });

  it("runs a host's generic OAuth 2 provider end to end, with PKCE and RFC 7009 revocation", async () => {
    const catalog = [
      ...integrationCatalog,
      {
        ...integrationCatalog[0],
        id: "linear",
        name: "Linear",
        auth: "oauth" as const,
        levels: ["organization" as const],
      } as (typeof integrationCatalog)[number],
    ];
    const seen: URLSearchParams[] = [];
    let revoked = "";
    server.use(
      http.post("https://linear.example/oauth/token", async ({ request }) => {
        seen.push(new URLSearchParams(await request.text()));
        return HttpResponse.json({
          access_token: "lin_token",
          token_type: "Bearer",
          expires_in: 3600,
          scope: "read write",
        });
      }),
      http.post("https://linear.example/oauth/revoke", async ({ request }) => {
        revoked = new URLSearchParams(await request.text()).get("token") ?? "";
        return new HttpResponse(null, { status: 200 });
      }),
    );
    const plugboard = kit({
      catalog,
      providers: {
        linear: {
          type: "oauth2",
          clientId: "lin",
          clientSecret: "lin-secret",
          authorizationUrl: "https://linear.example/oauth/authorize",
          tokenUrl: "https://linear.example/oauth/token",
          revocationUrl: "https://linear.example/oauth/revoke",
          scopes: ["read", "write"],
          accountName: async () => "Acme on Linear",
        },
      },
    });
    const url = await consentUrl(plugboard, "linear");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");

    const callback = new URL("http://app.test/api/plugboard/integrations/linear/callback");
    callback.searchParams.set("code", "abc");
    callback.searchParams.set("state", url.searchParams.get("state") ?? "");
    const page = await plugboard.handler(new Request(callback));
    expect(page.status).toBe(200);
    expect(seen[0]?.get("code_verifier")).toBeTruthy();

    const [installation] = await contextOf(plugboard).store.installations.list("org_acme");
    expect(installation).toMatchObject({
      externalAccountName: "Acme on Linear",
      scopes: ["read", "write"],
    });
    const removed = await plugboard.handler(
      new Request(
        `http://app.test/api/plugboard/integrations/linear/installations/${installation?.id}`,
        { method: "DELETE" },
      ),
    );
    expect(removed.status).toBe(204);
    expect(revoked).toBe("lin_token");
  });

  it("fails at startup for a provider that is not an OAuth catalog entry", () => {
    expect(() => kit({ providers: { pumble: { clientId: "x", clientSecret: "y" } } })).toThrow(
      /no OAuth integration "pumble"/,
    );
  });
});
