import { request } from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PumbleSimulatorServer, startPumbleSimulator } from "./pumble-server";

let pumble: PumbleSimulatorServer;

beforeAll(async () => {
  pumble = await startPumbleSimulator();
});
afterAll(() => pumble.close());

/** Posts over TLS to the simulator's host name, connecting to loopback and trusting its certificate. */
function post(url: string, body: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        ca: pumble.certificate,
        headers: { "content-type": "application/json" },
        lookup: (_host, options, callback) => {
          if ((options as { all?: boolean }).all)
            callback(null, [{ address: "127.0.0.1", family: 4 }]);
          else (callback as (e: null, a: string, f: number) => void)(null, "127.0.0.1", 4);
        },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("Pumble simulator", () => {
  it("takes an incoming-webhook message over https for its pumble.com name and shows it on the channel page", async () => {
    expect(new URL(pumble.simulation.webhookUrl).hostname).toBe("simulated.pumble.com");
    const answer = await post(
      pumble.simulation.webhookUrl,
      JSON.stringify({ text: "*PLANE-7* was created" }),
    );
    expect(answer.status).toBe(200);

    const page = await (await fetch(pumble.channelUrl)).text();
    expect(page).toContain("<strong>PLANE-7</strong> was created");
  });

  it("answers 404 to an unknown token and 400 to a message without text, as Pumble does", async () => {
    const unknown = pumble.simulation.webhookUrl.replace(/[^/]+$/, "nope");
    expect((await post(unknown, JSON.stringify({ text: "hi" }))).status).toBe(404);
    expect((await post(pumble.simulation.webhookUrl, "{}")).status).toBe(400);
  });
});
