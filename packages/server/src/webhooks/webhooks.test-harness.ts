import type { IncomingHttpHeaders } from "node:http";
import type { Identity } from "@plugboard/core";
import { listenOnLoopback } from "@plugboard/provider-simulators/node";
import { vi } from "vitest";
import { generateEncryptionKey } from "../crypto/keyring";
import type { Logger } from "../logger";
import { createPlugboard, type PlugboardOptions } from "../plugboard";
import { memoryStore } from "../stores/memory/memory-store";

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A real HTTP server on loopback that records every request and answers as told. */
export async function startReceiver(reply: (request: Received) => Reply = () => ({ status: 204 })) {
  const received: Received[] = [];
  let answer = reply;
  const { origin, close } = await listenOnLoopback((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const entry = { headers: request.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(entry);
      const { status, headers, body } = answer(entry);
      response.writeHead(status, headers);
      response.end(body);
    });
  });
  return {
    url: `${origin}/hooks`,
    received,
    reply(next: (request: Received) => Reply) {
      answer = next;
    },
    close,
  };
}

export const users: Record<string, Identity> = {
  ada: { userId: "usr_ada", organizationId: "org_acme", role: "admin" },
  grace: { userId: "usr_grace", organizationId: "org_acme", role: "member" },
  linus: { userId: "usr_linus", organizationId: "org_globex", role: "admin" },
};

/** A plugboard over a memory store with a fake clock, allowed to call loopback over http. */
export function setupWebhooks(options: Partial<PlugboardOptions> = {}) {
  let clock = Date.UTC(2025, 10, 24, 12, 0, 0);
  const logger = { warn: vi.fn(), error: vi.fn() } satisfies Logger;
  const plugboard = createPlugboard({
    store: memoryStore(),
    authenticate: (request) => users[request.headers.get("x-user") ?? ""] ?? null,
    encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
    logger,
    now: () => clock,
    ...options,
    webhooks: {
      allowHttp: true,
      allowAddresses: ["127.0.0.1"],
      jitter: 0,
      ...options.webhooks,
    },
  });

  async function call(method: string, path: string, user = "ada", body?: unknown) {
    const headers = new Headers({ "x-user": user });
    if (body !== undefined) headers.set("content-type", "application/json");
    return plugboard.handler(
      new Request(`http://app.test/api/plugboard${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  }

  return {
    plugboard,
    logger,
    call,
    now: () => clock,
    advance(ms: number) {
      clock += ms;
    },
    /** Creates an endpoint as ada and answers `{ endpoint, secret }`. */
    async createEndpoint(body: Record<string, unknown>) {
      const response = await call("POST", "/webhooks/endpoints", "ada", body);
      if (response.status !== 201) throw new Error(`create failed: ${await response.text()}`);
      return (await response.json()) as { endpoint: { id: string }; secret: string };
    },
  };
}
