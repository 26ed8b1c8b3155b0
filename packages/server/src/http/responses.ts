import { type PlugboardError, problemContentType } from "@plugboard/core";

const noStore = { "cache-control": "no-store" };

export function json(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json", ...noStore, ...headers },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: noStore });
}

export function problemResponse(error: PlugboardError, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(error.toProblem()), {
    status: error.status,
    headers: { "content-type": problemContentType, ...noStore, ...headers },
  });
}
