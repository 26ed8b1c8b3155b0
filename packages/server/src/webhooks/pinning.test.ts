import type { RequestListener } from "node:http";
import { webhookAttemptSchema } from "@plugboard/core";
import { listenOnLoopback } from "@plugboard/provider-simulators/node";
import { afterEach, describe, expect, it } from "vitest";
import { setupWebhooks, startReceiver } from "./webhooks.test-harness";

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function receiver(...args: Parameters<typeof startReceiver>) {
  const started = await startReceiver(...args);
  cleanups.push(started.close);
  return started;
}

/** A loopback server that answers with whatever `respond` writes, for misbehaving receivers. */
async function rawServer(respond: RequestListener) {
  const { port, close } = await listenOnLoopback(respond);
  cleanups.push(close);
  return port;
}

async function sendTest(kit: ReturnType<typeof setupWebhooks>, endpointId: string) {
  const response = await kit.call("POST", `/webhooks/endpoints/${endpointId}/test`, "ada", {});
  return webhookAttemptSchema.parse(await response.json());
}

describe("outgoing webhooks: the connection is pinned to the checked address", () => {
  it("refuses to connect when the name rebinds to loopback between the send-time check and the connect", async () => {
    const target = await receiver();
    const port = new URL(target.url).port;
    const answers: string[][] = [];
    // Public when the endpoint is saved and when the send is checked; loopback from then on,
    // which is where the system resolver sends `localhost` too.
    let calls = 0;
    const resolveHost = async () => {
      calls += 1;
      const answer = calls <= 2 ? ["93.184.216.34"] : ["127.0.0.1"];
      answers.push(answer);
      return answer;
    };
    const kit = setupWebhooks({ webhooks: { allowAddresses: [], resolveHost } });
    const { endpoint } = await kit.createEndpoint({ url: `http://localhost:${port}/hooks` });

    const attempt = await sendTest(kit, endpoint.id);

    expect(attempt).toMatchObject({ status: "failed", responseStatus: null });
    expect(attempt.error).toMatch(/^blocked_address: localhost resolves to a private/);
    expect(target.received).toHaveLength(0);
    // The third answer is the one the socket would have used: it was checked, not trusted.
    expect(answers).toEqual([["93.184.216.34"], ["93.184.216.34"], ["127.0.0.1"]]);
  });

  it("connects to the address it checked, keeping the URL's host in the Host header", async () => {
    const target = await receiver();
    const port = new URL(target.url).port;
    // A name no system resolver knows: delivery can only work through the checked answer.
    const resolveHost = async (host: string) => {
      if (host !== "receiver.plugboard.test") throw new Error("ENOTFOUND");
      return ["127.0.0.1"];
    };
    const kit = setupWebhooks({ webhooks: { allowAddresses: ["127.0.0.1"], resolveHost } });
    const { endpoint } = await kit.createEndpoint({
      url: `http://receiver.plugboard.test:${port}/hooks`,
    });

    const attempt = await sendTest(kit, endpoint.id);

    expect(attempt).toMatchObject({ status: "succeeded", responseStatus: 204, error: null });
    expect(target.received).toHaveLength(1);
    expect(target.received[0]?.headers.host).toBe(`receiver.plugboard.test:${port}`);
  });

  it("still delivers to loopback by name when the allow-list lists it (Node's own resolver)", async () => {
    const target = await receiver(() => ({ status: 200, body: "thanks" }));
    const port = new URL(target.url).port;
    const kit = setupWebhooks({ webhooks: { allowAddresses: ["127.0.0.1", "::1"] } });
    const { endpoint } = await kit.createEndpoint({ url: `http://localhost:${port}/hooks` });

    const attempt = await sendTest(kit, endpoint.id);

    expect(attempt).toMatchObject({ status: "succeeded", responseStatus: 200 });
    expect(attempt.responseBody).toBe("thanks");
    expect(target.received).toHaveLength(1);
  });

  it("reads a response body only up to the cap and drops the rest unread", async () => {
    let written = 0;
    const port = await rawServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      // An endless body: only a reader that stops early finishes before the timeout.
      const chunk = "x".repeat(16 * 1024);
      const pump = () => {
        while (!response.destroyed && response.write(chunk)) written += chunk.length;
        if (!response.destroyed) response.once("drain", pump);
      };
      pump();
    });
    const kit = setupWebhooks({ webhooks: { timeoutMs: 5_000, responseBodyLimit: 100 } });
    const { endpoint } = await kit.createEndpoint({ url: `http://127.0.0.1:${port}/hooks` });

    const attempt = await sendTest(kit, endpoint.id);

    expect(attempt).toMatchObject({ status: "succeeded", responseStatus: 200, error: null });
    expect(attempt.responseBody).toBe("x".repeat(100));
    expect(attempt.latencyMs).toBeLessThan(5_000);
    // Back-pressure held the sender to a few socket buffers, not megabytes.
    expect(written).toBeLessThan(8 * 1024 * 1024);
  });

  it("gives up after the timeout when the receiver never answers", async () => {
    const port = await rawServer(() => {
      // Never responds.
    });
    const kit = setupWebhooks({ webhooks: { timeoutMs: 200 } });
    const { endpoint } = await kit.createEndpoint({ url: `http://127.0.0.1:${port}/hooks` });

    const attempt = await sendTest(kit, endpoint.id);

    expect(attempt).toMatchObject({ status: "failed", responseStatus: null, error: "timeout" });
  });
});
