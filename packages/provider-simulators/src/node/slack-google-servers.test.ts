import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGoogleSimulator, startSlackSimulator } from "./servers";

let slack: Awaited<ReturnType<typeof startSlackSimulator>>;
let google: Awaited<ReturnType<typeof startGoogleSimulator>>;

beforeAll(async () => {
  [slack, google] = await Promise.all([startSlackSimulator(), startGoogleSimulator()]);
});

afterAll(async () => {
  await Promise.all([slack?.close(), google?.close()]);
});

/** Opens the consent page like a person and follows the link named `decision`. */
async function consent(authorize: URL, decision: "approve" | "deny") {
  const page = await fetch(authorize);
  expect(page.headers.get("content-type")).toContain("text/html");
  const href = new RegExp(`href="([^"]+decision=${decision}[^"]*)"`).exec(await page.text())?.[1];
  const decided = await fetch((href ?? "").replace(/&amp;/g, "&"), { redirect: "manual" });
  expect(decided.status).toBe(302);
  return new URL(decided.headers.get("location") ?? "");
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields),
});

describe("Slack and Google simulators on loopback servers", () => {
  it("Slack: consent page, then oauth.v2.access exchanges the code once", async () => {
    const authorize = new URL(`${slack.origin}/oauth/v2/authorize`);
    authorize.searchParams.set("redirect_uri", "http://app.test/cb");
    authorize.searchParams.set("state", "s1");
    authorize.searchParams.set("scope", "chat:write");
    const callback = await consent(authorize, "approve");
    expect(callback.searchParams.get("state")).toBe("s1");
    const credentials = {
      client_id: slack.simulation.clientId,
      client_secret: slack.simulation.clientSecret,
      redirect_uri: "http://app.test/cb",
      code: callback.searchParams.get("code") ?? "",
    };
    const first = await (
      await fetch(`${slack.origin}/api/oauth.v2.access`, form(credentials))
    ).json();
    expect(first).toMatchObject({ ok: true, scope: "chat:write", team: slack.simulation.team });
    const again = await (
      await fetch(`${slack.origin}/api/oauth.v2.access`, form(credentials))
    ).json();
    expect(again).toEqual({ ok: false, error: "invalid_code" });
    const denied = await consent(authorize, "deny");
    expect(denied.searchParams.get("error")).toBe("access_denied");
  });

  it("Google: consent page, token exchange, userinfo with the token", async () => {
    const authorize = new URL(`${google.origin}/o/oauth2/v2/auth`);
    authorize.searchParams.set("redirect_uri", "http://app.test/cb");
    authorize.searchParams.set("state", "g1");
    authorize.searchParams.set("scope", "openid email");
    authorize.searchParams.set("access_type", "offline");
    const callback = await consent(authorize, "approve");
    const token = await fetch(
      `${google.origin}/token`,
      form({
        grant_type: "authorization_code",
        client_id: google.simulation.clientId,
        client_secret: google.simulation.clientSecret,
        redirect_uri: "http://app.test/cb",
        code: callback.searchParams.get("code") ?? "",
      }),
    );
    const tokens = (await token.json()) as { access_token: string; refresh_token?: string };
    expect(tokens.refresh_token).toBeDefined();
    const me = await fetch(`${google.origin}/v1/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await me.json()).toMatchObject({ email: google.simulation.email });
    expect((await fetch(`${google.origin}/v1/userinfo`)).status).toBe(401);
  });
});
