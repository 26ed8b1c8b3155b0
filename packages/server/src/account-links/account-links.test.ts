import { accountLinkListSchema, type Identity, problemSchema } from "@plugboard/core";
import { describe, expect, it } from "vitest";
import { contextOf } from "../context";
import { generateEncryptionKey } from "../crypto/keyring";
import { trackerHost } from "../integrations/oauth/oauth.test-harness";
import { createPlugboard } from "../plugboard";
import { memoryStore } from "../stores/memory/memory-store";
import { asLinkedUser, linkIntentTtlMs } from "./link-intents";

const ORIGIN = "http://app.test";
const users: Record<string, Identity> = {
  ada: { userId: "usr_ada", organizationId: "org_acme", role: "admin" },
  grace: { userId: "usr_grace", organizationId: "org_acme", role: "member" },
  alan: { userId: "usr_alan", organizationId: "org_acme", role: "member" },
  linus: { userId: "usr_linus", organizationId: "org_globex", role: "admin" },
};

function setup() {
  const clock = { now: Date.UTC(2026, 10, 30, 12) };
  const host = trackerHost();
  const plugboard = createPlugboard({
    store: memoryStore(),
    authenticate: (request) => users[request.headers.get("x-user") ?? ""] ?? null,
    encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
    now: () => clock.now,
    host: host.port,
  });
  const context = contextOf(plugboard);
  const call = (
    method: string,
    url: string,
    init: { user?: string; origin?: string | null; form?: Record<string, string> } = {},
  ) => {
    const headers = new Headers();
    if (init.user) headers.set("x-user", init.user);
    if (init.origin !== null) headers.set("origin", init.origin ?? ORIGIN);
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers.set("content-type", "application/x-www-form-urlencoded");
    }
    const target = url.startsWith("http") ? url : `${ORIGIN}/api/plugboard${url}`;
    return plugboard.handler(new Request(target, { method, headers, body }));
  };
  // A Slack user pressing "Create issue": Slack installed by Ada, pressed by Slack user U_GRACE.
  const slackUser = {
    organizationId: "org_acme",
    provider: "slack",
    externalUserId: "U_GRACE",
    externalAccountId: "T0001",
    externalUserName: "grace.hopper",
  };
  const createIssue = () =>
    asLinkedUser(context, slackUser, ORIGIN, (hostCall) =>
      context.host.issues.create(hostCall, { projectId: "prj_web", title: "From Slack" }),
    );
  return { plugboard, context, host, clock, call, createIssue };
}

async function linkUrl(h: ReturnType<typeof setup>): Promise<string> {
  const outcome = await h.createIssue();
  if (outcome.status !== "link_required") throw new Error("expected a link prompt");
  return outcome.url;
}

async function confirm(h: ReturnType<typeof setup>, url: string, user = "grace", origin = ORIGIN) {
  const token = new URL(url).searchParams.get("token") ?? "";
  return h.call("POST", url, { user, origin, form: { token } });
}

describe("actions from a provider user", () => {
  it("are refused with a link to connect the account while the user is unlinked, and never run as the installer", async () => {
    const h = setup();
    const outcome = await h.createIssue();

    expect(outcome).toMatchObject({
      status: "link_required",
      url: expect.stringMatching(
        /^http:\/\/app\.test\/api\/plugboard\/account-links\/confirm\?token=[0-9A-Za-z]{43}$/,
      ),
      expiresAt: h.clock.now + linkIntentTtlMs,
    });
    expect(h.host.calls).toEqual([]);
  });

  it("run as the linked host user once the user confirms the link while signed in", async () => {
    const h = setup();
    const url = await linkUrl(h);

    const page = await h.call("GET", url, { user: "grace" });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Connect your Slack account");
    expect(html).toContain("grace.hopper");
    expect(page.headers.get("content-security-policy")).toContain("form-action 'self'");
    expect((await confirm(h, url)).status).toBe(200);

    const outcome = await h.createIssue();
    expect(outcome).toMatchObject({ status: "done", result: { title: "From Slack" } });
    expect(h.host.calls).toEqual([
      expect.objectContaining({
        capability: "issues.create",
        call: { organizationId: "org_acme", actor: { userId: "usr_grace" } },
      }),
    ]);
  });

  it("asks to sign in first, and links nobody, when the link is opened without a session", async () => {
    const h = setup();
    const url = await linkUrl(h);

    const page = await h.call("GET", url);
    expect(page.status).toBe(401);
    expect(await page.text()).toContain("Sign in to the app in this browser");
    expect((await confirm(h, url, "")).status).toBe(401);
    expect((await h.createIssue()).status).toBe("link_required");
  });

  it("refuses a confirmation posted from another site (no linking a stranger's Slack user to you)", async () => {
    const h = setup();
    const url = await linkUrl(h);

    expect((await confirm(h, url, "grace", "https://evil.example")).status).toBe(403);
    const noOrigin = await h.call("POST", url, {
      user: "grace",
      origin: null,
      form: { token: new URL(url).searchParams.get("token") ?? "" },
    });
    expect(noOrigin.status).toBe(403);
    expect((await h.createIssue()).status).toBe("link_required");
  });

  it("works once: a second confirmation of the same link fails", async () => {
    const h = setup();
    const url = await linkUrl(h);
    expect((await confirm(h, url, "grace")).status).toBe(200);
    const again = await confirm(h, url, "alan");
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("expired or was already used");
    const links = await h.context.store.accountLinks.list("org_acme");
    expect(links.map((link) => link.userId)).toEqual(["usr_grace"]);
  });

  it("expires", async () => {
    const h = setup();
    const url = await linkUrl(h);
    h.clock.now += linkIntentTtlMs + 1;
    expect((await h.call("GET", url, { user: "grace" })).status).toBe(400);
    expect((await confirm(h, url)).status).toBe(400);
  });

  it("cannot be confirmed from another organization", async () => {
    const h = setup();
    const url = await linkUrl(h);
    expect((await h.call("GET", url, { user: "linus" })).status).toBe(403);
    expect((await confirm(h, url, "linus")).status).toBe(403);
    expect(await h.context.store.accountLinks.list("org_globex")).toEqual([]);
  });
});

describe("GET and DELETE /account-links", () => {
  async function linked() {
    const h = setup();
    await confirm(h, await linkUrl(h), "grace");
    return h;
  }

  it("lists a user's own links, and the organization's to admins only", async () => {
    const h = await linked();
    const mine = accountLinkListSchema.parse(
      await (await h.call("GET", "/account-links", { user: "grace" })).json(),
    );
    expect(mine.data).toEqual([
      expect.objectContaining({
        provider: "slack",
        userId: "usr_grace",
        externalUserId: "U_GRACE",
        externalUserName: "grace.hopper",
      }),
    ]);
    const alans = accountLinkListSchema.parse(
      await (await h.call("GET", "/account-links", { user: "alan" })).json(),
    );
    expect(alans.data).toEqual([]);
    const all = await h.call("GET", "/account-links?scope=organization", { user: "ada" });
    expect(accountLinkListSchema.parse(await all.json()).data).toHaveLength(1);
    const refused = await h.call("GET", "/account-links?scope=organization", { user: "alan" });
    expect(problemSchema.parse(await refused.json()).code).toBe("forbidden");
  });

  it("lets the user or an admin remove a link, and hides it from other members", async () => {
    const h = await linked();
    const [link] = await h.context.store.accountLinks.list("org_acme");
    expect((await h.call("DELETE", `/account-links/${link?.id}`, { user: "alan" })).status).toBe(
      404,
    );
    expect((await h.call("DELETE", `/account-links/${link?.id}`, { user: "linus" })).status).toBe(
      404,
    );
    expect((await h.call("DELETE", `/account-links/${link?.id}`, { user: "ada" })).status).toBe(
      204,
    );
    expect((await h.createIssue()).status).toBe("link_required");
  });
});
