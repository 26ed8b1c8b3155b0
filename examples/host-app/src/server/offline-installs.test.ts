import { integrationSchema } from "@plugboard/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestHostApp, type TestHostApp } from "./test-host-app";

let app: TestHostApp;

beforeAll(async () => {
  app = await startTestHostApp();
});

afterAll(() => app.stop());

const api = (path: string, init?: RequestInit) => fetch(`${app.origin}/api/plugboard${path}`, init);

// Every OAuth card of the demo completes offline, against the simulators the demo starts.
describe.each([
  ["slack", "slack"],
  ["google-calendar", "google"],
] as const)("installing %s in the demo", (provider, simulator) => {
  it("goes through the simulator's consent and shows the card installed", async () => {
    const simulation = app.host.simulators?.[simulator].simulation;
    if (!simulation) throw new Error("the demo starts its simulators by default");
    const authorize = await api(`/integrations/${provider}/authorize`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.origin },
      body: "{}",
    });
    const { url } = (await authorize.json()) as { url: string };
    expect(url.startsWith(app.host.simulators?.[simulator].origin ?? "-")).toBe(true);
    expect((await fetch(simulation.approve(url))).status).toBe(200);

    const entry = integrationSchema.parse(await (await api(`/integrations/${provider}`)).json());
    expect(entry.installed).toBe(true);
  });
});

describe("connecting Pumble in the demo", () => {
  it("takes the simulated channel's incoming-webhook URL and delivers events to it", async () => {
    const pumble = app.host.simulators?.pumble;
    if (!pumble) throw new Error("the demo starts its simulators by default");
    // The URL the demo offers on its settings page.
    const offered = (await (await fetch(`${app.origin}/demo-pumble`)).json()) as {
      webhookUrl: string;
      channelUrl: string;
    };
    expect(offered.webhookUrl).toBe(pumble.simulation.webhookUrl);

    const installed = await api("/integrations/pumble/installations", {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.origin },
      body: JSON.stringify({ webhookUrl: offered.webhookUrl }),
    });
    expect(installed.status).toBe(201);
    const entry = integrationSchema.parse(await (await api("/integrations/pumble")).json());
    expect(entry.installed).toBe(true);

    // An issue created in the tracker announces issue.created; Pumble's endpoint gets every event.
    expect((await fetch(`${app.origin}/demo-receiver/publish`, { method: "POST" })).status).toBe(
      201,
    );
    await vi.waitFor(() => expect(pumble.simulation.messages).toHaveLength(1), { timeout: 10_000 });
    expect(pumble.simulation.messages[0]?.text).toMatch(/issue\.created/);
    expect(await (await fetch(offered.channelUrl)).text()).toContain(
      "<strong>issue.created</strong>",
    );
  });

  it("still refuses a Pumble URL off pumble.com, loopback included", async () => {
    const elsewhere = await api("/integrations/pumble/installations", {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.origin },
      body: JSON.stringify({ webhookUrl: "https://127.0.0.1/workspaces/1/incomingWebhooks/x" }),
    });
    expect(elsewhere.status).toBe(400);
  });
});
