import { createHmac, timingSafeEqual } from "node:crypto";
import { pkceChallenge } from "@plugboard/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulatedRepository } from "../github";
import { listenOnLoopback } from "./loopback";
import { startGitHubSimulator } from "./servers";

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const received: Received[] = [];
const secret = "demo-webhook-secret";
let receiver: Awaited<ReturnType<typeof listenOnLoopback>>;
let github: Awaited<ReturnType<typeof startGitHubSimulator>>;

beforeAll(async () => {
  receiver = await listenOnLoopback((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(202).end();
    });
  });
  github = await startGitHubSimulator({
    clientId: "demo",
    clientSecret: "demo-secret",
    login: "acme",
    repositories: [simulatedRepository(9001, "acme/web")],
    webhooks: [{ url: `${receiver.origin}/hooks`, secret }],
  });
});

afterAll(async () => {
  await github?.close();
  await receiver?.close();
});

/** Follows nothing: a form post answers 303 to the page that shows the result. */
const post = (path: string, form: Record<string, string>) =>
  fetch(`${github.origin}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
    redirect: "manual",
  });

function signatureMatches(delivery: Received) {
  const expected = `sha256=${createHmac("sha256", secret).update(delivery.body).digest("hex")}`;
  const sent = String(delivery.headers["x-hub-signature-256"]);
  return (
    sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected))
  );
}

describe("the GitHub simulator on a loopback server", () => {
  it("installs over OAuth: consent page, PKCE-checked code exchange, REST with the token", async () => {
    const verifier = "v".repeat(43);
    const authorize = new URL(`${github.origin}/login/oauth/authorize`);
    authorize.searchParams.set("client_id", "demo");
    authorize.searchParams.set("redirect_uri", "http://app.test/callback");
    authorize.searchParams.set("state", "st1");
    authorize.searchParams.set("code_challenge", await pkceChallenge(verifier));
    authorize.searchParams.set("code_challenge_method", "S256");
    const consent = await (await fetch(authorize)).text();
    const approve = /href="([^"]+decision=approve[^"]*)"/
      .exec(consent)?.[1]
      ?.replace(/&amp;/g, "&");
    expect(approve).toBeDefined();
    const decided = await fetch(approve as string, { redirect: "manual" });
    expect(decided.status).toBe(302);
    const callback = new URL(decided.headers.get("location") ?? "");
    expect(callback.origin + callback.pathname).toBe("http://app.test/callback");
    expect(callback.searchParams.get("state")).toBe("st1");

    const token = await fetch(`${github.origin}/login/oauth/access_token`, {
      method: "POST",
      headers: {
        accept: "application/json",
        authorization: `Basic ${btoa("demo:demo-secret")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        code: callback.searchParams.get("code") ?? "",
        redirect_uri: "http://app.test/callback",
        code_verifier: verifier,
      }),
    });
    const { access_token } = (await token.json()) as { access_token: string };
    expect(access_token).toMatch(/^gho_/);

    const repos = await fetch(`${github.origin}/api/user/repos`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(await repos.json()).toEqual([
      expect.objectContaining({
        id: 9001,
        full_name: "acme/web",
        html_url: `${github.origin}/acme/web`,
      }),
    ]);
    const anonymous = await fetch(`${github.origin}/api/user`);
    expect(anonymous.status).toBe(401);
  });

  it("opens and merges a pull request from its page, sending signed pull_request webhooks", async () => {
    const page = await fetch(`${github.origin}/acme/web/pulls`);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("No pull requests yet.");

    const opened = await post("/acme/web/pulls", {
      title: "Fix checkout <script>",
      body: "Closes DEMO-1",
      head: "demo-1-checkout",
    });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe(`${github.origin}/acme/web/pulls`);
    const merged = await post("/acme/web/pull/1/merge", {});
    expect(merged.status).toBe(303);

    expect(received).toHaveLength(2);
    const [open, close] = received as [Received, Received];
    for (const delivery of received) {
      expect(delivery.headers["x-github-event"]).toBe("pull_request");
      expect(delivery.headers["x-github-delivery"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(signatureMatches(delivery)).toBe(true);
    }
    expect(JSON.parse(open.body)).toMatchObject({
      action: "opened",
      pull_request: { number: 1, title: "Fix checkout <script>", state: "open", merged: false },
      repository: { id: 9001, full_name: "acme/web" },
    });
    expect(JSON.parse(close.body)).toMatchObject({
      action: "closed",
      pull_request: {
        number: 1,
        body: "Closes DEMO-1",
        state: "closed",
        merged: true,
        head: { ref: "demo-1-checkout" },
        html_url: `${github.origin}/acme/web/pull/1`,
      },
    });

    const html = await (await fetch(`${github.origin}/acme/web/pulls`)).text();
    expect(html).toContain("#1 Fix checkout &lt;script&gt;");
    expect(html).toContain("Merged");
    expect(html).not.toContain("<button>Merge</button>");
    expect(github.simulation.deliveries.map((delivery) => delivery.status)).toEqual([202, 202]);
  });

  it("refuses a pull request without a title and a merge of an unknown one", async () => {
    expect((await post("/acme/web/pulls", { title: "  " })).status).toBe(422);
    const unknownRepo = await post("/acme/nope/pulls", { title: "x" });
    expect(unknownRepo.status).toBe(404);
    const before = received.length;
    expect((await post("/acme/web/pull/99/merge", {})).status).toBe(303);
    expect(received).toHaveLength(before);
  });
});
