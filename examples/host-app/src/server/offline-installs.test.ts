import { integrationSchema } from "@plugboard/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
