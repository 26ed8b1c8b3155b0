import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHostApp } from "./app";
import type { ReceivedDelivery } from "./demo-receiver";

let dataDir: string;
let server: Server;
let origin: string;
let close: () => Promise<void>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "plugboard-receiver-"));
  const host = await createHostApp({ dataDir, clientDir: dataDir });
  close = host.close;
  server = host.app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function deliveries(): Promise<ReceivedDelivery[]> {
  const response = await fetch(`${origin}/demo-receiver/deliveries`);
  return ((await response.json()) as { data: ReceivedDelivery[] }).data;
}

describe("the demo receiver", () => {
  it("verifies what the dispatcher delivers, once it knows the secret", async () => {
    const created = await fetch(`${origin}/api/plugboard/webhooks/endpoints`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: `${origin}/demo-receiver`, description: "Demo receiver" }),
    });
    expect(created.status).toBe(201);
    const { endpoint, secret } = (await created.json()) as {
      endpoint: { id: string };
      secret: string;
    };

    // Before the secret is set the receiver refuses, as a real one would.
    const test = await fetch(`${origin}/api/plugboard/webhooks/endpoints/${endpoint.id}/test`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(((await test.json()) as { responseStatus: number }).responseStatus).toBe(401);
    expect((await deliveries())[0]?.outcome).toBe("no_secret");

    const saved = await fetch(`${origin}/demo-receiver/secret`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ secret }),
    });
    expect(saved.status).toBe(204);
    const published = await fetch(`${origin}/demo-receiver/publish`, { method: "POST" });
    expect(((await published.json()) as { messages: number }).messages).toBe(1);

    await expect
      .poll(async () => (await deliveries())[0], { timeout: 10_000 })
      .toMatchObject({ type: "issue.created", outcome: "verified", duplicate: false });
  });
});
