import { listenOnLoopback } from "@plugboard/provider-simulators/node";

/** A loopback receiver that counts deliveries by `webhook-id`. */
export async function countingReceiver() {
  const seen = new Map<string, number>();
  let requests = 0;
  const { origin, close } = await listenOnLoopback((request, response) => {
    request.resume();
    request.on("end", () => {
      requests += 1;
      const id = String(request.headers["webhook-id"]);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      response.writeHead(204).end();
    });
  });
  return { url: `${origin}/hooks`, seen, requests: () => requests, close };
}

export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
