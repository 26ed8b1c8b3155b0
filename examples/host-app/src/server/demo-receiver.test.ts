import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReceivedDelivery } from "./demo-receiver";
import { startTestHostApp, type TestHostApp } from "./test-host-app";

let host: TestHostApp;

beforeAll(async () => {
  host = await startTestHostApp();
});

afterAll(() => host.stop());

async function deliveries(): Promise<ReceivedDelivery[]> {
  const response = await fetch(`${host.origin}/demo-receiver/deliveries`);
  return ((await response.json()) as { data: ReceivedDelivery[] }).data;
}

describe("the demo receiver", () => {
  it("verifies what the dispatcher delivers, once it knows the secret", async () => {
    const created = await fetch(`${host.origin}/api/plugboard/webhooks/endpoints`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: `${host.origin}/demo-receiver`, description: "Demo receiver" }),
    });
    expect(created.status).toBe(201);
    const { endpoint, secret } = (await created.json()) as {
      endpoint: { id: string };
      secret: string;
    };

    // Before the secret is set the receiver refuses, as a real one would.
    const test = await fetch(
      `${host.origin}/api/plugboard/webhooks/endpoints/${endpoint.id}/test`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      },
    );
    expect(((await test.json()) as { responseStatus: number }).responseStatus).toBe(401);
    expect((await deliveries())[0]?.outcome).toBe("no_secret");

    const saved = await fetch(`${host.origin}/demo-receiver/secret`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ secret }),
    });
    expect(saved.status).toBe(204);
    // "Create a demo issue" creates one in the tracker, which announces issue.created.
    const published = await fetch(`${host.origin}/demo-receiver/publish`, { method: "POST" });
    expect(published.status).toBe(201);
    expect(((await published.json()) as { key: string }).key).toBe("DEMO-4");

    await expect
      .poll(async () => (await deliveries())[0], { timeout: 10_000 })
      .toMatchObject({ type: "issue.created", outcome: "verified", duplicate: false });
  });
});
