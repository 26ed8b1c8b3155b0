import type { RequestListener } from "node:http";
import type { Identity } from "@plugboard/core";
import { type LoopbackServer, listenOnLoopback } from "@plugboard/provider-simulators/node";
import {
  createPlugboard,
  generateEncryptionKey,
  memoryStore,
  type PlugboardOptions,
} from "@plugboard/server";
import { toNodeHandler } from "@plugboard/server/node";
import { afterEach } from "vitest";
import { createPlugboardClient } from "../create-client";

/** Who the `x-user` header names; anyone else is unauthenticated. */
export const testUsers: Record<string, Identity> = {
  ada: { userId: "ada", organizationId: "acme", role: "admin" },
  grace: { userId: "grace", organizationId: "acme", role: "member" },
};

const servers: LoopbackServer[] = [];

// Registered by every test file that imports this module: each test's servers close after it.
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A loopback HTTP server, closed after the test; resolves to its origin. */
export async function listen(listener: RequestListener): Promise<string> {
  const server = await listenOnLoopback(listener);
  servers.push(server);
  return server.origin;
}

/** Stops a server early (to test a refused connection). */
export async function close(origin: string): Promise<void> {
  const index = servers.findIndex((server) => server.origin === origin);
  const [server] = servers.splice(index, 1);
  await server?.close();
}

/** The real handler kit over a memory store on a loopback port, with a client per test user. */
export async function startPlugboard(options: Partial<PlugboardOptions> = {}) {
  const plugboard = createPlugboard({
    store: memoryStore(),
    authenticate: (request) => testUsers[request.headers.get("x-user") ?? ""] ?? null,
    encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
    // Offline: webhook hosts (Pumble's) answer the SSRF guard with a public address.
    webhooks: { resolveHost: async () => ["93.184.216.34"] },
    ...options,
  });
  const baseUrl = `${await listen(toNodeHandler(plugboard.handler))}/api/plugboard`;
  return {
    plugboard,
    baseUrl,
    admin: createPlugboardClient({ baseUrl, headers: { "x-user": "ada" } }),
    member: createPlugboardClient({ baseUrl, headers: { "x-user": "grace" } }),
  };
}
