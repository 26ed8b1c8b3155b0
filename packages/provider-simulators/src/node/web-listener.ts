import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { WebHandler } from "../msw";

/** Simulated providers answer small requests; anything bigger is not a real client. */
const maxBodyBytes = 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function respond(
  handle: WebHandler,
  origin: string,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = request.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? null : await readBody(request);
  if (body === null && method !== "GET" && method !== "HEAD") {
    response.writeHead(413).end();
    return;
  }
  const answer = await handle(
    new Request(new URL(request.url ?? "/", origin), {
      method,
      headers,
      ...(body ? { body: new Uint8Array(body) } : {}),
    }),
  );
  const out: Record<string, string | string[]> = {};
  answer.headers.forEach((value, name) => {
    out[name] = value;
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) out["set-cookie"] = cookies;
  response.writeHead(answer.status, out);
  response.end(Buffer.from(await answer.arrayBuffer()));
}

/**
 * A simulator's Web handler as a node:http listener. Requests are seen under `origin`, the one the
 * simulator's base URLs name, whichever host name the client used to reach it (localhost or not).
 */
export function toRequestListener(handle: WebHandler, origin: () => string): RequestListener {
  return (request, response) => {
    respond(handle, origin(), request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
      response.end(error instanceof Error ? error.message : "Simulator error");
    });
  };
}
