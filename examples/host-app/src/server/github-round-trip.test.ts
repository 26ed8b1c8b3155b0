import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHostApp, type TestHostApp } from "./test-host-app";

let app: TestHostApp;

beforeAll(async () => {
  app = await startTestHostApp();
});

afterAll(() => app.stop());

const api = (path: string, init?: RequestInit) => fetch(`${app.origin}/api/plugboard${path}`, init);

async function issue(key: string) {
  const response = await fetch(`${app.origin}/demo-tracker/issues/${key}`);
  return (await response.json()) as {
    issue: { stateId: string };
    comments: { body: string; authorId: string | null }[];
  };
}

describe("GitHub to the tracker, through the simulator's real webhooks (no browser)", () => {
  it("moves DEMO-1 to In Review when a PR mentioning it opens, and to Done when it merges", async () => {
    const github = app.host.simulators?.github.simulation;
    if (!github) throw new Error("the demo starts its simulators by default");
    const authorize = await api("/integrations/github/authorize", {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.origin },
      body: "{}",
    });
    const { url } = (await authorize.json()) as { url: string };
    expect(url.startsWith(`${github.baseUrl}/login/oauth/authorize?`)).toBe(true);
    expect((await fetch(github.approve(url))).status).toBe(200);

    const linked = await api("/providers/github/links", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ projectId: "prj_demo", repository: "acme/web" }),
    });
    expect(linked.status).toBe(201);

    const accepted = () => String(github.deliveries.at(-1)?.status).startsWith("2");
    await github.openPullRequest("acme/web", { title: "Fix the checkout button", body: "DEMO-1" });
    expect(accepted()).toBe(true);
    // Polled: Plugboard may acknowledge a webhook before its work is done.
    await expect.poll(async () => (await issue("DEMO-1")).issue.stateId).toBe("st_in_review");
    expect((await issue("DEMO-1")).comments).toEqual([
      expect.objectContaining({ authorId: null, body: expect.stringContaining("acme/web #1") }),
    ]);

    await github.closePullRequest("acme/web", 1);
    expect(accepted()).toBe(true);
    await expect.poll(async () => (await issue("DEMO-1")).issue.stateId).toBe("st_done");
    // A PR on an unlinked repository changes nothing.
    await github.openPullRequest("acme/api", { title: "DEMO-2 refactor" });
    expect((await issue("DEMO-2")).issue.stateId).toBe("st_in_progress");
  });

  it("refuses a webhook that is not signed with the secret", async () => {
    const forged = await api("/providers/github/webhook", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "pull_request",
        "x-github-delivery": "forged-1",
        "x-hub-signature-256": `sha256=${"0".repeat(64)}`,
      },
      body: "{}",
    });
    expect(forged.status).toBe(401);
  });
});
